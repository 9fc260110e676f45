/**
 * nianbao-language-server: the Language Server Protocol over stdio (`--stdio`), Node IPC (`--node-ipc`), a
 * socket (`--socket=PORT`) or a named pipe (`--pipe=NAME`), as vscode-languageserver reads them from the
 * command line. Without any of them, stdio. The server only translates: the analysis is the core's.
 */

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Session } from './server/session';
import { VERSION } from './cli/version';

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(VERSION + '\n');
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      [
        'nianbao-language-server ' + VERSION,
        '',
        'Usage: nianbao-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]',
        '',
        'Speaks the Language Server Protocol; with no transport option, over standard input and output.',
        '',
      ].join('\n'),
    );
    return;
  }
  if (!args.some((a) => TRANSPORTS.test(a))) process.argv.push('--stdio');

  const connection = createConnection(ProposedFeatures.all);
  // A bug in one handler must not take the server down: report it in the client's log and carry on.
  const report = (what: string) => (err: unknown) => {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    try {
      connection.console.error(`nianbao: ${what}: ${text}`);
    } catch {
      process.stderr.write(`nianbao: ${what}: ${text}\n`);
    }
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  new Session(connection).listen();
}

main();
