import * as lsp from 'vscode-languageserver/node';
import { initializeResult } from './capabilities';
import type * as Core from './serverCore';

// Start-up is kept small: this bundle (dist/server.js) holds the protocol library and the answer
// to `initialize`; the checking code (ajv schemas, remark, the rules: dist/server-core.js) is
// loaded once that answer is written, before the next message is handled. The core bundle takes
// the protocol library from this one's exports (esbuild.mjs), so both use one instance of it.
export { lsp };

// The transport comes from the command line: `--stdio` (other editors, our protocol tests) or
// `--node-ipc` (the VS Code client). createConnection reads it from process.argv.
const connection = lsp.createConnection(lsp.ProposedFeatures.all);
let loaded = false;
const load = (params: lsp.InitializeParams, initialized: boolean): void => {
  if (loaded) return;
  loaded = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./server-core.js') as typeof Core).start(connection, params, initialized);
};
connection.onInitialize((params) => {
  // jsonrpc writes the answer in an immediate queued after this one: load in the one after it.
  setImmediate(() => setImmediate(() => load(params, false)));
  // The client's next message is `initialized`: if it came first, load then (the core's handler
  // for it, registered while loading, replaces this one and is called at once).
  connection.onInitialized(() => load(params, true));
  return initializeResult(params.capabilities);
});
connection.listen();
