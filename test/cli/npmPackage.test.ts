/**
 * The npm package works from its tarball: `npm pack`, then an install into an empty folder with
 * an empty npm cache and --offline (the package has no dependencies: everything is bundled), then
 * every command and the language-server bin, run as a user would run them.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../support/cli';
import { LspClient } from '../support/lspClient';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const BAD_CARD =
  '---\nlicense: apache2\nlibrary_name: transformers\npipeline_tag: text-classification\n---\n# Model Card for demo\n';

describe('npm package from its tarball', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cardwright-npm-'));
  const project = join(scratch, 'project');
  // An npm environment with nothing cached, so an install that needed the network would fail.
  const env = { ...process.env, npm_config_cache: join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' };
  const bin = (name: string): string => join(project, 'node_modules', '.bin', name);
  const run = (name: string, ...args: string[]) =>
    spawnSync(bin(name), args, { cwd: project, encoding: 'utf8', env, timeout: 60_000 });
  let files: string[] = [];

  before(() => {
    // The bundles `npm test` built (prepack's production build is skipped: same code, not minified).
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    assert.ok(packed);
    files = packed.files.map((file) => file.path);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name": "user-project", "private": true}\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the bundles, schemas, rule docs and the SQLite wasm, and no sources or tests', () => {
    for (const file of [
      'dist/cli.js',
      'dist/server.js',
      'dist/server-core.js',
      'dist/sql-wasm.wasm',
      'docs/rules/schema-enum.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(file), file);
    }
    assert.ok(files.some((file) => file.startsWith('schemas/data/')));
    const stray = files.filter((file) => /^(server|client|test|scripts|bench|examples)\/|\.map$|\.ts$/.test(file));
    assert.deepEqual(stray, []);
    assert.deepEqual(readdirSync(join(project, 'node_modules')).sort(), ['.bin', '.package-lock.json', 'cardwright']);
  });

  it('cardwright --version and check', () => {
    const version = run('cardwright', '--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), pkg.version);
    mkdirSync(join(project, 'model'));
    writeFileSync(join(project, 'model', 'README.md'), BAD_CARD);
    const bad = run('cardwright', 'check', 'model/README.md', '--format', 'json');
    assert.equal(bad.status, 1, bad.stderr);
    const report = JSON.parse(bad.stdout) as { files: { diagnostics: { code: string }[] }[] };
    assert.ok(report.files[0]?.diagnostics.some((d) => d.code === 'schema-enum'));
    writeFileSync(join(project, 'model', 'README.md'), BAD_CARD.replace('apache2', 'apache-2.0'));
    assert.equal(run('cardwright', 'check', 'model/README.md').status, 0);
  });

  it('cardwright example, new and link', () => {
    mkdirSync(join(project, 'linked'));
    writeFileSync(join(project, 'linked', 'README.md'), BAD_CARD.replace('apache2', 'apache-2.0'));
    const example = run('cardwright', 'example', 'linked/README.md');
    assert.equal(example.status, 0, example.stderr);
    assert.ok(readdirSync(join(project, 'linked', 'examples')).some((name) => name.endsWith('_inference.py')));
    mkdirSync(join(project, 'fresh'));
    const created = run('cardwright', 'new', 'model', '--out', 'fresh');
    assert.equal(created.status, 0, created.stderr);
    assert.ok(existsSync(join(project, 'fresh', 'README.md')));
    cpSync(join(FIXTURES, 'runs', 'hf-output'), join(project, 'linked', 'outputs'), { recursive: true });
    const linked = run('cardwright', 'link', 'linked/README.md', '--run', 'linked/outputs');
    assert.equal(linked.status, 0, linked.stderr);
    assert.match(
      readFileSync(join(project, 'linked', 'README.md'), 'utf8'),
      /^provenance:\n {2}run: \{tracker: hf-trainer/m,
    );
  });

  it('cardwright-language-server --stdio answers an editor', async () => {
    const client = await LspClient.start({ root: project, command: [bin('cardwright-language-server'), '--stdio'] });
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'cardwright');
      const uri = await client.open(join(project, 'model', 'README.md'), BAD_CARD);
      const published = await client.waitForPublished(uri, (p) => p.diagnostics.length > 0);
      assert.ok(published.diagnostics.some((d) => d.code === 'schema-enum'));
    } finally {
      await client.stop();
    }
  });
});
