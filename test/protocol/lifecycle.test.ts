/**
 * The server process over a real pipe: capabilities, robustness against malformed messages, shutdown and exit.
 */

import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  createClientSocketTransport,
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ResponseError,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';
import type { DocumentSymbol, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { SERVER_PATH, startServer, type ServerHandle } from './client';
import { exampleReport, memoryUri } from './fixtures';

const TIMEOUT = 5000;

async function rejection(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ResponseError, `expected a ResponseError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error response');
}

describe('language server: lifecycle', function () {
  this.timeout(20000);
  let server: ServerHandle | undefined;
  afterEach(() => {
    server?.kill();
    server = undefined;
  });

  it('declares its capabilities in the initialize result', async () => {
    server = await startServer();
    const r = server.initializeResult as InitializeResult;
    const c = r.capabilities;
    assert.equal(r.serverInfo?.name, 'nianbao');
    assert.match(r.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    assert.deepEqual(c.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.ok(c.documentSymbolProvider);
    assert.equal(c.foldingRangeProvider, true);
    assert.equal(c.hoverProvider, true);
    assert.deepEqual(c.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.nianbao'],
      resolveProvider: false,
    });
    assert.deepEqual(c.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(c.codeLensProvider, { resolveProvider: false });
    assert.equal(c.executeCommandProvider, undefined, 'no server-side commands');
  });

  it('registers for configuration and config-file changes when the client allows dynamic registration', async () => {
    server = await startServer();
    // The registrations are requests from the server; a round trip lets them arrive.
    const uri = memoryUri('example.md');
    server.open(uri, 'markdown', exampleReport());
    await server.waitForDiagnostics(uri, () => true, TIMEOUT);
    assert.equal(server.serverRequests.filter((m) => m === 'client/registerCapability').length, 2);
    assert.ok(server.serverRequests.includes('workspace/configuration'));
  });

  it('answers a malformed request with an error and keeps answering', async () => {
    server = await startServer();
    const s = server;
    const uri = memoryUri('example.md');
    s.open(uri, 'markdown', exampleReport());
    await s.waitForDiagnostics(uri, () => true, TIMEOUT);

    const noParams = await rejection(s.connection.sendRequest('textDocument/hover'));
    assert.equal(noParams.code, -32602, 'InvalidParams');
    const noPosition = await rejection(s.connection.sendRequest('textDocument/hover', { textDocument: { uri } }));
    assert.equal(noPosition.code, -32602);
    const badUri = await rejection(s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 42 } }));
    assert.equal(badUri.code, -32602);
    const badRange = await rejection(
      s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }),
    );
    assert.equal(badRange.code, -32602);
    const unknown = await rejection(s.connection.sendRequest('nianbao/noSuchMethod', {}));
    assert.equal(unknown.code, -32601, 'MethodNotFound');

    // Malformed notifications: a change without a version, an open without a document.
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: '' }] });
    await s.connection.sendNotification('textDocument/didOpen', {});
    await s.connection.sendNotification('workspace/didChangeConfiguration', null);

    // Still alive and answering, with the document as it was.
    const symbols = await s.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const closed = await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: memoryUri('never-opened.md') },
      position: { line: 0, character: 0 },
    });
    assert.equal(closed, null, 'a document that is not open has no hover');
    assert.equal(s.process.exitCode, null);
  });

  it('refuses requests before initialize with ServerNotInitialized, then checks documents opened early', async () => {
    server = await startServer({ initialize: false });
    const s = server;
    const uri = memoryUri('example.md');
    const early = await rejection(s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
    assert.equal(early.code, -32002);
    s.open(uri, 'markdown', exampleReport());
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await s.connection.sendNotification('initialized', {});
    const p = await s.waitForDiagnostics(uri, () => true, TIMEOUT);
    assert.ok(p.diagnostics.some((d) => d.code === 't3-row-total'));
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    server = await startServer();
    const uri = memoryUri('example.md');
    server.open(uri, 'markdown', exampleReport());
    await server.waitForDiagnostics(uri, () => true, TIMEOUT);
    const result = await server.connection.sendRequest('shutdown');
    assert.equal(result, null);
    await server.connection.sendNotification('exit');
    assert.equal(await server.exited(TIMEOUT), 0);
  });

  it('ends with exit code 1 on exit without shutdown', async () => {
    server = await startServer();
    await server.connection.sendNotification('exit');
    assert.equal(await server.exited(TIMEOUT), 1);
  });

  it('prints its version and usage', () => {
    const version = spawnSync(process.execPath, [SERVER_PATH, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER_PATH, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    assert.match(help.stdout, /--socket=PORT/);
  });

  /** initialize, one document's diagnostics, shutdown and exit over the given reader and writer. */
  async function roundTrip(child: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<void> {
    const connection = createMessageConnection(reader, writer);
    const uri = memoryUri('example.md');
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) resolve(p);
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    connection.listen();
    try {
      const r = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(r.serverInfo?.name, 'nianbao');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: exampleReport() } });
      const p = await Promise.race([published, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics')), TIMEOUT))]);
      assert.ok(p.diagnostics.some((d) => d.code === 't3-row-total'));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no exit')), TIMEOUT))]);
      assert.equal(code, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  }

  it('speaks over --node-ipc', async () => {
    const child = spawn(process.execPath, [SERVER_PATH, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    await roundTrip(child, new IPCMessageReader(child), new IPCMessageWriter(child));
  });

  it('speaks over --socket=PORT (the server connects to the client)', async () => {
    const transport = await createClientSocketTransport(0);
    const child = spawn(process.execPath, [SERVER_PATH, `--socket=${transport.port()}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const [reader, writer] = await Promise.race([
      transport.onConnected(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server did not connect')), TIMEOUT)),
    ]);
    await roundTrip(child, reader, writer);
  });
});
