import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { ROOT } from '../support/cli';

interface Manifest {
  publisher?: string;
  license?: string;
  icon?: string;
  repository?: { url?: string };
  qna?: string | false;
  galleryBanner?: { color?: string; theme?: string };
  categories?: string[];
  keywords?: string[];
  files?: string[];
  scripts: Record<string, string>;
}

/** The categories the Visual Studio Marketplace accepts (vsce refuses others). */
const MARKETPLACE_CATEGORIES = new Set([
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
]);

/** The entries of a zip file, read from its central directory (stored or deflated). */
function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('Marketplace and Open VSX readiness', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

  it('has the manifest fields the galleries show', () => {
    assert.ok(manifest.publisher && manifest.license === 'MIT');
    assert.ok(existsSync(join(ROOT, 'LICENSE')) && existsSync(join(ROOT, 'CHANGELOG.md')));
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\//);
    assert.ok(manifest.qna === false || /^https:\/\//.test(String(manifest.qna)));
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
    assert.ok(manifest.categories?.length);
    for (const category of manifest.categories) assert.ok(MARKETPLACE_CATEGORIES.has(category), category);
    assert.ok(manifest.keywords && manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    // The icon: a PNG (the Marketplace refuses SVG) of at least 128x128.
    const icon = readFileSync(join(ROOT, manifest.icon ?? 'missing.png'));
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128);
    assert.equal(manifest.scripts.package, 'node scripts/package.mjs');
  });

  it('npm run package builds the .vsix offline, prints its size and refuses one over the budget', () => {
    assert.ok(existsSync(join(ROOT, 'dist', 'client.js')), 'run `npm run build` first');
    const out = join(mkdtempSync(join(tmpdir(), 'cardwright-vsix-')), 'cardwright.vsix');
    // The built dist/ as it is (no production rebuild under the other tests' feet), a tiny budget.
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CARDWRIGHT_VSIX_BUDGET: '100000' },
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /cardwright\.vsix: \d+\.\d\d MB \(\d+ bytes, \d+ files; budget 0\.10 MB\)/);
    assert.match(result.stderr, /cardwright: the \.vsix is \d+\.\d\d MB, over its budget of 0\.10 MB/);
    const entries = readZip(out);
    for (const file of [
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/server-core.js',
      'extension/dist/sql-wasm.wasm',
      'extension/docs/rules/README.md',
      'extension/schemas/model-card.schema.json',
      'extension/syntaxes/placeholders.tmLanguage.json',
      'extension.vsixmanifest',
    ]) {
      assert.ok(entries.has(file), file);
    }
    const stray = [...entries.keys()].filter((name) =>
      /^extension\/(server|client|test|scripts|node_modules)\/|\.map$|\.ts$/.test(name),
    );
    assert.deepEqual(stray, []);
    const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
    assert.equal(packaged.files, undefined);
    assert.deepEqual(packaged.galleryBanner, manifest.galleryBanner);
    const vsixManifest = entries.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(vsixManifest, /<GalleryBanner|Microsoft\.VisualStudio\.Services\.Branding\.Color/);
  });
});
