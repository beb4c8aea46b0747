// First: it sets how V8 compiles regular expressions before any is compiled.
import '../node/regexpTiering';
import { format } from 'node:util';
import * as lsp from 'vscode-languageserver/node';
import { nodeTextSha256 } from '../node/hash';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { createNodeRunDeps } from '../node/runDeps';
import { startServer } from './server';

/** What main.ts (dist/server.js) did before loading this bundle. */
export interface FirstMessage {
  transport: 'stdio' | 'ipc';
  /** Over IPC, the first message as received (over stdio its bytes are back on stdin). */
  message?: unknown;
  /** The id of the `initialize` request main.ts has answered: the library's answer is dropped. */
  answeredId?: number | string;
}

/**
 * The language server proper, bundled apart (dist/server-core.js): the protocol library, the
 * checks, the handlers. Loaded by main.ts, which may already have answered `initialize`; the
 * library still reads that request (its state depends on it) and answers it through a writer
 * that drops that one response.
 */
export function start(first?: FirstMessage): void {
  const connection = first ? connectionAfter(first) : lsp.createConnection(lsp.ProposedFeatures.all);
  startServer(connection, {
    fs: nodeFileSystem,
    sha256: nodeTextSha256,
    runDeps: createNodeRunDeps(nodeFileSystem),
  });
}

function connectionAfter(first: FirstMessage): lsp.Connection {
  if (first.transport === 'ipc') {
    const reader = replaying(new lsp.IPCMessageReader(process), first.message as lsp.Message | undefined);
    const writer = dropping(new lsp.IPCMessageWriter(process), first.answeredId);
    return lsp.createConnection(lsp.ProposedFeatures.all, reader, writer);
  }
  const writer = dropping(new lsp.StreamMessageWriter(process.stdout), first.answeredId);
  // stdin goes in as the stream itself, which the library accepts beside a writer (its typings
  // pair streams with streams only): then it still ends the process when stdin closes, with the
  // exit code that says whether `shutdown` came first.
  const input = process.stdin as unknown as lsp.MessageReader;
  const connection = lsp.createConnection(lsp.ProposedFeatures.all, input, writer);
  keepStdoutForProtocol(connection);
  return connection;
}

/** A reader that delivers `message` (already taken from the transport) before the others. */
function replaying(reader: lsp.MessageReader, message: lsp.Message | undefined): lsp.MessageReader {
  if (message === undefined) return reader;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) => {
      const listening = reader.listen(callback);
      callback(message);
      return listening;
    },
    dispose: () => reader.dispose(),
  };
}

/** A writer that skips the response to request `id` once (main.ts sent it already). */
function dropping(writer: lsp.MessageWriter, id: number | string | undefined): lsp.MessageWriter {
  if (id === undefined) return writer;
  let dropped = false;
  return {
    onError: writer.onError,
    onClose: writer.onClose,
    write: (message) => {
      const response = message as { id?: unknown; method?: unknown };
      if (!dropped && response.id === id && response.method === undefined) {
        dropped = true;
        return Promise.resolve();
      }
      return writer.write(message);
    },
    end: () => writer.end(),
    dispose: () => writer.dispose(),
  };
}

/**
 * Over stdio anything printed to stdout would corrupt the protocol stream: console output goes to
 * the client's log instead (what the library does itself when it opens stdio from the command line).
 */
function keepStdoutForProtocol(connection: lsp.Connection): void {
  const log = (...args: unknown[]): void => connection.console.log(format(...args));
  console.log = log;
  console.info = (...args: unknown[]): void => connection.console.info(format(...args));
  console.debug = log;
  console.trace = log;
  console.warn = (...args: unknown[]): void => connection.console.warn(format(...args));
  console.error = (...args: unknown[]): void => connection.console.error(format(...args));
}
