// Runs the node:test suites named on the command line (default: unit and cli) in one runner
// process, so the closing summary counts every test. Node 20's --test takes no globs, hence
// this walk.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'cli'];

function testFiles(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const files = suites.flatMap((suite) => testFiles(join('test', suite)));
if (files.length === 0) {
  console.error(`No test files in ${suites.map((suite) => `test/${suite}`).join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
