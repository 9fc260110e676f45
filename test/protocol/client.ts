/**
 * A real LSP client for tests and the benchmark: spawns the bundled server (`node dist/server.js --stdio`,
 * built by `node scripts/build.mjs`) and speaks JSON-RPC to it over its standard input and output with
 * vscode-jsonrpc. Every wait is bounded; nothing sleeps for a fixed time.
 *
 *   const server = await startServer({ locale: 'en', settings: { debounce: 0 } });
 *   server.open(uri, 'markdown', text);
 *   const published = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5000);
 *   await server.stop();
 */

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

const UP = path.resolve(__dirname, '..', '..');
/** The repository: two folders up from test/protocol, three from out/test/protocol (tsc's output). */
export const ROOT = path.basename(UP) === 'out' ? path.dirname(UP) : UP;
/** The bundled server. */
export const SERVER_PATH = path.join(ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** InitializeParams.locale (default 'zh-cn'). */
  readonly locale?: string;
  /** What workspace/configuration answers for section `nianbao` (mutable later through `settings`). */
  readonly settings?: Record<string, unknown>;
  /** Client capabilities; the default claims workspace/configuration and the refresh requests. */
  readonly capabilities?: ClientCapabilities;
  /** Send initialize/initialized (default true). */
  readonly initialize?: boolean;
  /** Extra command-line arguments after the script (default ['--stdio']). */
  readonly args?: readonly string[];
}

export interface ServerHandle {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** The initialize result (null when `initialize: false`). */
  readonly initializeResult: InitializeResult | null;
  /** What workspace/configuration answers for section `nianbao`; change it, then `changeConfiguration()`. */
  settings: Record<string, unknown>;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** window/logMessage and window/showMessage texts. */
  readonly logs: string[];
  /** Requests the server sent to the client (method names), e.g. workspace/inlayHint/refresh. */
  readonly serverRequests: string[];
  /** The server's standard error so far. */
  stderr(): string;
  /**
   * Resolves with the first publication for `uri` that satisfies `predicate`: the latest one already received
   * if it does, else the next that does. Rejects after `timeoutMs`, naming what was published.
   */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the next publication for `uri` (ignoring earlier ones) that satisfies `predicate`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  save(uri: string): void;
  close(uri: string): void;
  /** Sends workspace/didChangeConfiguration (after setting `settings`, or with an explicit payload). */
  changeConfiguration(payload?: unknown): void;
  /** Resolves with the exit code once the process has ended (bounded by `timeoutMs`). */
  exited(timeoutMs: number): Promise<number | null>;
  /** shutdown, exit, and wait for the process to end; resolves with its exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Ends the process at once (for clean-up after a failure). */
  kill(): void;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
    foldingRange: { lineFoldingOnly: false },
    inlayHint: {},
    codeLens: {},
  },
};

function describe(p: PublishDiagnosticsParams | undefined): string {
  if (!p) return 'nothing';
  const items = p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);
  return `version ${String(p.version)}: [${items.join(', ')}]`;
}

export async function startServer(options: StartOptions = {}): Promise<ServerHandle> {
  const child = spawn(process.execPath, [SERVER_PATH, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  let exitCode: number | null | undefined;
  const exitWaiters: ((code: number | null) => void)[] = [];
  child.on('exit', (code) => {
    exitCode = code;
    for (const w of exitWaiters.splice(0)) w(code);
  });

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const serverRequests: string[] = [];
  type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };
  let waiters: Waiter[] = [];

  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    const still: Waiter[] = [];
    for (const w of waiters) {
      if (w.uri === p.uri && w.predicate(p)) w.resolve(p);
      else still.push(w);
    }
    waiters = still;
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.onNotification('window/showMessage', (p: { message: string }) => void logs.push(p.message));
  connection.onNotification('$/progress', () => undefined);
  connection.onNotification('telemetry/event', () => undefined);

  const handle: ServerHandle = {
    connection,
    process: child,
    initializeResult: null,
    settings: { ...(options.settings ?? {}) },
    published,
    logs,
    serverRequests,
    stderr: () => stderr,
    waitForDiagnostics(uri, predicate, timeoutMs) {
      const latest = [...published].reverse().find((p) => p.uri === uri);
      if (latest && predicate(latest)) return Promise.resolve(latest);
      return this.nextDiagnostics(uri, predicate, timeoutMs);
    },
    nextDiagnostics(uri, predicate, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const latest = [...published].reverse().find((p) => p.uri === uri);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${describe(latest)}`));
        }, timeoutMs);
        const waiter: Waiter = {
          uri,
          predicate,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        };
        waiters.push(waiter);
      });
    },
    open(uri, languageId, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    save(uri) {
      void connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    changeConfiguration(payload) {
      void connection.sendNotification('workspace/didChangeConfiguration', { settings: payload ?? { nianbao: handle.settings } });
    },
    exited(timeoutMs) {
      if (exitCode !== undefined) return Promise.resolve(exitCode);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms`)), timeoutMs);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    },
    async stop(timeoutMs = 5000) {
      if (exitCode !== undefined) return exitCode;
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already going
      }
      const code = await this.exited(timeoutMs);
      connection.dispose();
      return code;
    },
    kill() {
      if (exitCode === undefined) child.kill();
      connection.dispose();
    },
  };

  connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
    serverRequests.push('workspace/configuration');
    return p.items.map((item) => (item.section === 'nianbao' ? handle.settings : null));
  });
  connection.onRequest((method: string) => {
    serverRequests.push(method);
    return null;
  });
  connection.listen();

  if (options.initialize !== false) {
    const result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'zh-cn',
      rootUri: null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      workspaceFolders: null,
    });
    (handle as { initializeResult: InitializeResult | null }).initializeResult = result;
    await connection.sendNotification('initialized', {});
  }
  return handle;
}

/** `server.waitForDiagnostics(…)` as a free function, for callers that keep only the handle. */
export function waitForDiagnostics(
  server: ServerHandle,
  uri: string,
  predicate: (p: PublishDiagnosticsParams) => boolean,
  timeoutMs: number,
): Promise<PublishDiagnosticsParams> {
  return server.waitForDiagnostics(uri, predicate, timeoutMs);
}
