import { nodeFileSystem } from '../node/nodeFileSystem';
import packageJson from '../../../package.json';
import { runCli } from './run';

try {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    fs: nodeFileSystem,
    version: packageJson.version,
  });
} catch (error) {
  process.stderr.write(
    `cardwright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
}
