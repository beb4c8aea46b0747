#!/usr/bin/env node
// `npm run package`: builds cardwright.vsix with vsce, offline, prints its size and fails when it
// grows past the budget below.
//
// package.json's `files` is the npm package's allow-list and .vscodeignore the extension's; vsce
// refuses a folder that has both. So the files `vsce ls` lists (which honours .vscodeignore) are
// copied to a staging folder with the manifest minus `files`, after the production build that
// `vscode:prepublish` would run, and vsce packages that folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The .vsix may not grow past this (1.41 MB, 71 files on 2026-12-04): a bigger one means something leaked in. */
const BUDGET_BYTES = Number(process.env.CARDWRIGHT_VSIX_BUDGET ?? 2_000_000);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(root, 'cardwright.vsix'));

const run = (command, commandArgs, cwd) =>
  execFileSync(command, commandArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

if (!args.includes('--no-build')) {
  console.log('Building (production)...');
  run(process.execPath, [join(root, 'esbuild.mjs'), '--production'], root);
}

const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'], root).trim().split('\n').filter(Boolean);
const stage = mkdtempSync(join(tmpdir(), 'cardwright-vsix-'));
try {
  for (const file of files) {
    if (file === 'package.json') continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  copyFileSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.scripts['vscode:prepublish']; // built above, in the repository
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--githubBranch', 'main', '--out', out], {
    cwd: stage,
    stdio: 'inherit',
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const size = statSync(out).size;
const mb = (bytes) => `${(bytes / 1_000_000).toFixed(2)} MB`;
console.log(`${out}: ${mb(size)} (${size} bytes, ${files.length} files; budget ${mb(BUDGET_BYTES)})`);
if (size > BUDGET_BYTES) {
  console.error(
    `cardwright: the .vsix is ${mb(size)}, over its budget of ${mb(BUDGET_BYTES)}: check .vscodeignore ` +
      'for files that should not ship, or raise BUDGET_BYTES in scripts/package.mjs with the reason in the commit.',
  );
  process.exit(1);
}
