// `npm start`: checks the bundled examples/ workspace with the built CLI. The examples hold
// deliberate mistakes, so the CLI's exit status 1 is the expected outcome here, not a failure;
// anything else (a crash, bad usage) fails the script.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples'], { stdio: 'inherit' });
if (result.status === 0 || result.status === 1) {
  console.log(
    '\nThese are the deliberate mistakes in examples/ (see examples/README.md). In CI, exit status 1 fails the build.',
  );
  process.exit(0);
}
process.exit(result.status ?? 2);
