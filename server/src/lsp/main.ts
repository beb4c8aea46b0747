import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeTextSha256 } from '../node/hash';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { createNodeRunDeps } from '../node/runDeps';
import { startServer } from './server';

// The transport comes from the command line: `--stdio` (other editors, our protocol tests) or
// `--node-ipc` (the VS Code client). createConnection reads it from process.argv.
startServer(createConnection(ProposedFeatures.all), {
  fs: nodeFileSystem,
  sha256: nodeTextSha256,
  runDeps: createNodeRunDeps(nodeFileSystem),
});
