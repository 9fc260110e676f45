/**
 * The editor features of the analysis core, as pure functions over the text, the report model and the
 * diagnostics. No LSP or editor types: the language server translates these plain results.
 */

export { outline, folds, headingText, type OutlineNode, type OutlineKind, type FoldRange } from './outline';
export { hover, articleAt, type HoverOptions, type HoverResult } from './hover';
export { inlayHints, tableLenses, type InlayHint, type TableLens } from './hints';
export {
  codeActions,
  fixAll,
  diffEdits,
  disableCommentEdit,
  REASON_PLACEHOLDER,
  type Action,
  type ActionKind,
  type AnalyzeLike,
  type CodeActionOptions,
} from './actions';
export {
  REGULATION,
  regulationArticle,
  quoteArticle,
  refLabel,
  ROW_NOTES,
  COL_NOTES,
  GROUP_NOTES,
  TABLE_NOTES,
  SECTION_NOTES,
  colNote,
  type ArticleRef,
  type Note,
  type Regulation,
  type RegulationArticle,
  type SectionNote,
} from './articles';
