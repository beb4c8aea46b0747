// Bundles the CLI (and, as they land, the language server and the VS Code client) into dist/.
// Bundling keeps start-up fast and lets ESM-only dependencies (remark, iso-639-3) run as CommonJS.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { tsImport } from 'tsx/esm/api';

/**
 * iso-639-3's table of 8,000 languages as one tab-separated string, only the fields
 * server/src/core/languageCodes.ts reads (the codes and the name; not `type` and `scope`): the
 * package's object literal was 0.7 MB of bundle that every start of the CLI and server parsed.
 */
const LANGUAGE_FIELDS = ['iso6393', 'iso6391', 'iso6392B', 'iso6392T', 'name'];
const iso6393Compact = {
  name: 'iso-639-3-compact',
  setup(build) {
    build.onLoad({ filter: /iso-639-3[\\/]iso6393\.js$/ }, async (args) => {
      const { iso6393 } = await import(pathToFileURL(args.path).href);
      const rows = iso6393.map((language) => LANGUAGE_FIELDS.map((field) => language[field] ?? '').join('\t'));
      if (rows.some((row) => row.split('\t').length !== LANGUAGE_FIELDS.length || row.includes('\n'))) {
        throw new Error('iso-639-3: a field holds a tab or a line break');
      }
      return {
        contents: [
          `const fields = ${JSON.stringify(LANGUAGE_FIELDS)};`,
          `export const iso6393 = ${JSON.stringify(rows.join('\n'))}.split('\\n').map((row) => {`,
          `  const language = {};`,
          `  row.split('\\t').forEach((value, index) => { if (value) language[fields[index]] = value; });`,
          `  return language;`,
          `});`,
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * server/src/core/schemas/precompiled.ts replaced by ajv standalone code for the card and settings
 * schemas (server/src/core/schemas/standalone.ts writes it), so no run compiles them.
 */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: /core[\\/]schemas[\\/]precompiled\.ts$/ }, async (args) => {
      const generator = pathToFileURL(resolve('server/src/core/schemas/standalone.ts')).href;
      const { precompiledValidatorsSource } = await tsImport(generator, import.meta.url);
      return {
        contents: precompiledValidatorsSource(),
        loader: 'js',
        resolveDir: dirname(args.path),
        // Rebuilt in --watch mode when a schema changes.
        watchFiles: schemaFiles('schemas'),
      };
    });
  },
};

function schemaFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? schemaFiles(join(folder, entry.name)) : [resolve(folder, entry.name)],
  );
}

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ESM entry points: jsonc-parser's UMD "main" hides its requires from the bundler.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [iso6393Compact, precompiledValidators],
};

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Also the `cardwright-language-server` bin of the npm package (other editors start it with --stdio).
  // A start-up bundle of a few KB that answers `initialize` with Node's own modules, then requires
  // the protocol library and the checks, dist/server-core.js (server/src/lsp/main.ts).
  {
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
    external: ['./server-core.js'],
  },
  { entryPoints: ['server/src/lsp/serverCore.ts'], outfile: 'dist/server-core.js' },
  // The extension host provides `vscode`; everything else is bundled.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
];

// sql.js reads MLflow's mlflow.db through WebAssembly: its .wasm travels beside the bundles
// (server/src/node/runDeps.ts looks for it next to the running script).
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/sql.js/dist/sql-wasm.wasm', 'dist/sql-wasm.wasm');

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
