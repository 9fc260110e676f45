/**
 * The core's editor features (server/src/core/features) in LSP terms: outline → DocumentSymbol, folds →
 * FoldingRange, hover → Hover (Markdown in the client's locale), actions → CodeAction, hints → InlayHint, table
 * lenses → CodeLens. Only translation: every decision is the core's.
 */

import {
  CodeActionKind,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type CodeLens,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Position,
  type Range,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { analyze } from '../core/index';
import { localize, type Diagnostic } from '../core/diagnostics';
import {
  codeActions as coreCodeActions,
  folds,
  hover as coreHover,
  inlayHints as coreInlayHints,
  outline,
  tableLenses,
  type OutlineKind,
  type OutlineNode,
} from '../core/features/index';
import type { DocAnalysis } from './analyses';
import { toLspDiagnostic, toLspEdit, toLspRange } from './convert';

export type Analysed = DocAnalysis & { state: { kind: 'analysed' } };

/** The fix-all code action kind the server declares and serves (a sub-kind of `source.fixAll`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

/** The client command a table's code lens runs; arguments: the document URI and the table's range. */
export const SHOW_PROBLEMS_COMMAND = 'nianbao.showProblems';

// ── document symbols ─────────────────────────────────────────────────────────────────────────────────────────

const SYMBOL_KIND: Readonly<Record<OutlineKind, SymbolKind>> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subheading: SymbolKind.Namespace,
  table: SymbolKind.Struct,
};

function symbolOf(node: OutlineNode, a: Analysed): DocumentSymbol {
  const detail = localize(node.detail, a.locale);
  return {
    // Clients reject an empty name.
    name: node.name.trim() || '—',
    ...(detail ? { detail } : {}),
    kind: SYMBOL_KIND[node.kind],
    range: toLspRange(node.range),
    selectionRange: toLspRange(node.selectionRange),
    children: node.children.map((c) => symbolOf(c, a)),
  };
}

/** Hierarchical symbols, or flat SymbolInformation for clients that do not support the hierarchy. */
export function documentSymbols(a: Analysed, caps: ClientCapabilities): DocumentSymbol[] | SymbolInformation[] {
  const tree = outline(a.state.result.model).map((n) => symbolOf(n, a));
  if (caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return tree;
  const flat: SymbolInformation[] = [];
  const walk = (s: DocumentSymbol, container: string | undefined): void => {
    flat.push({ name: s.name, kind: s.kind, location: { uri: a.uri, range: s.range }, ...(container ? { containerName: container } : {}) });
    for (const c of s.children ?? []) walk(c, s.name);
  };
  for (const s of tree) walk(s, undefined);
  return flat;
}

// ── folding ──────────────────────────────────────────────────────────────────────────────────────────────────

export function foldingRanges(a: Analysed): FoldingRange[] {
  return folds(a.state.result.model)
    .filter((f) => f.endLine > f.startLine)
    .map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region }));
}

// ── hover ────────────────────────────────────────────────────────────────────────────────────────────────────

export function hover(a: Analysed, position: Position): Hover | null {
  const { options, result } = a.state;
  const h = coreHover(a.text, result.model, position, {
    ...(options.template ? { template: options.template } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
  });
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: localize(h.markdown, a.locale) }, range: toLspRange(h.range) };
}

// ── code actions ─────────────────────────────────────────────────────────────────────────────────────────────

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function workspaceEdit(a: Analysed, edits: LspTextEdit[], caps: ClientCapabilities): WorkspaceEdit {
  // A versioned edit is refused by the client if the document has changed since: never applied to other text.
  if (caps.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] };
  }
  return { changes: { [a.uri]: edits } };
}

/** The `only` kinds of the request, with this server's fix-all kind understood as the core's `source.fixAll`. */
function coreOnly(only: readonly string[] | undefined): string[] | undefined {
  if (!only || !only.length) return undefined;
  return only.map((o) => (o === FIX_ALL_KIND || o.startsWith(FIX_ALL_KIND + '.') ? CodeActionKind.SourceFixAll : o));
}

export function codeActions(a: Analysed, range: Range, context: CodeActionContext | undefined, caps: ClientCapabilities): CodeAction[] {
  const { result, options } = a.state;
  const only = coreOnly(context?.only);
  const actions = coreCodeActions(a.text, result.model, result.diagnostics, range, {
    ...(only ? { only } : {}),
    analyze: (text) => analyze(text, options),
  });
  const sent = Array.isArray(context?.diagnostics) ? context.diagnostics : [];
  // The client's own copy of a diagnostic when it sent one (so it can match them), else ours.
  const lspDiagnostic = (d: Diagnostic): LspDiagnostic =>
    sent.find((s) => s.code === d.rule && sameRange(s.range, d.range)) ?? toLspDiagnostic(d, a.uri, a.version, a.locale);
  return actions.map((act) => {
    const out: CodeAction = {
      title: localize(act.title, a.locale),
      kind: act.kind === 'source.fixAll' ? FIX_ALL_KIND : CodeActionKind.QuickFix,
      edit: workspaceEdit(a, act.edits.map(toLspEdit), caps),
    };
    if (act.diagnostics?.length) out.diagnostics = act.diagnostics.map(lspDiagnostic);
    if (act.preferred) out.isPreferred = true;
    return out;
  });
}

// ── inlay hints ──────────────────────────────────────────────────────────────────────────────────────────────

function inside(p: Position, r: Range): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function inlayHints(a: Analysed, range: Range): InlayHint[] {
  return coreInlayHints(a.state.result.model)
    .filter((h) => inside(h.position, range))
    .map((h) => ({
      position: { line: h.position.line, character: h.position.character },
      label: localize(h.label, a.locale),
      tooltip: { kind: MarkupKind.Markdown, value: localize(h.tooltip, a.locale) },
      paddingLeft: true,
    }));
}

// ── code lenses ──────────────────────────────────────────────────────────────────────────────────────────────

export function codeLenses(a: Analysed): CodeLens[] {
  const { model, diagnostics } = a.state.result;
  return tableLenses(model, diagnostics).map((lens) => {
    const table = model.tables.find((t) => t.id === lens.table);
    const tableRange = toLspRange(table ? table.range : lens.range);
    return {
      range: toLspRange(lens.range),
      command: { title: localize(lens.title, a.locale), command: SHOW_PROBLEMS_COMMAND, arguments: [a.uri, tableRange] },
    };
  });
}
