// Builds the e2e suite (test/e2e/suite/*.ts) into test/e2e/.runtime/out/*.js for the extension
// host: CommonJS, one file per entry. `vscode` is provided by the host; `mocha` stays a runtime
// require so the entry and every test file share one mocha instance, resolved from the repo's
// node_modules (out/ sits inside the repo for exactly that reason).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const suite = join(here, 'suite');
const outdir = join(here, '.runtime', 'out');

// A test file that was deleted must not linger in out/ and keep running.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suite)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(suite, name)),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  // Kept for debuggers; stack traces still name out/*.js lines, since the extension host installs
  // its own Error.prepareStackTrace (the output is unminified, so those lines stay readable).
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`e2e suite built into ${outdir}`);
