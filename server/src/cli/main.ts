// First: they set how V8 compiles regular expressions and when it optimises, before any code runs.
import '../node/regexpTiering';
import '../node/batchTiering';
import { nodeFileSystem } from '../node/nodeFileSystem';
import packageJson from '../../../package.json';
import { isCheckWorker, runCheckWorker } from './checkWorkers';
import { runCli } from './run';

function internalError(error: unknown): void {
  process.stderr.write(
    `cardwright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
}

if (isCheckWorker()) {
  // This bundle in a worker thread of `check` (checkWorkers.ts): it checks the files it is sent.
  runCheckWorker();
} else {
  try {
    const status = runCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      cwd: process.cwd(),
      fs: nodeFileSystem,
      version: packageJson.version,
    });
    if (typeof status === 'number') process.exitCode = status;
    else status.then((code) => (process.exitCode = code), internalError);
  } catch (error) {
    internalError(error);
  }
}
