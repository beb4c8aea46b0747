import type {
  Connection,
  InitializeParams,
  InitializeResult,
  InitializedParams,
  NotificationHandler,
} from 'vscode-languageserver';
import { nodeTextSha256 } from '../node/hash';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { createNodeRunDeps } from '../node/runDeps';
import { startServer } from './server';

/**
 * The checking part of the language server, bundled apart (dist/server-core.js) and loaded by
 * main.ts once it has answered `initialize`. startServer runs as it would at start, on a view of
 * the connection where `listen` (main.ts listens) calls its `initialize` handler with the
 * parameters main.ts received: after every other handler is registered, as when the request
 * arrived. `initialized` says the client's `initialized` notification came already.
 */
export function start(connection: Connection, params: InitializeParams, initialized: boolean): void {
  let onInitialize: ((params: InitializeParams) => InitializeResult) | undefined;
  let onInitialized: NotificationHandler<InitializedParams> | undefined;
  const deferred = Object.create(connection, {
    onInitialize: { value: (handler: typeof onInitialize) => void (onInitialize = handler) },
    onInitialized: {
      value: (handler: NonNullable<typeof onInitialized>) =>
        initialized ? void (onInitialized = handler) : connection.onInitialized(handler),
    },
    listen: {
      value: () => {
        // Its answer, initializeResult(params.capabilities), is the one main.ts has sent.
        onInitialize?.(params);
        void onInitialized?.({});
      },
    },
  }) as Connection;
  startServer(deferred, {
    fs: nodeFileSystem,
    sha256: nodeTextSha256,
    runDeps: createNodeRunDeps(nodeFileSystem),
  });
}
