/**
 * `cardwright report`: golden Markdown and JSON pages for the bundled examples/ workspace (their
 * deliberate mistakes make one card ready and one not), the HTML page's structure, options and
 * exit statuses. Regenerate the golden files after an intended change with
 *   node dist/cli.js report examples > test/cli/golden/report.md   (and --format json)
 * from the repository root, and read the diff.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../support/cli';

const GOLDEN = join(__dirname, 'golden');

describe('cardwright report', () => {
  it('writes the Markdown page for examples/ (golden)', () => {
    const result = runCli(['report', 'examples'], ROOT);
    assert.equal(result.status, 1, 'examples/ has errors: same exit status as check');
    assert.equal(result.stdout, readFileSync(join(GOLDEN, 'report.md'), 'utf8'));
    assert.match(result.stdout, /^\*\*1 of 2 cards ready to publish; 1 config with errors\*\*$/m);
  });

  it('writes the JSON facts for examples/ (golden)', () => {
    const result = runCli(['report', 'examples', '--format', 'json'], ROOT);
    assert.equal(result.stdout, readFileSync(join(GOLDEN, 'report.json'), 'utf8'));
    const report = JSON.parse(result.stdout) as {
      version: number;
      ready: number;
      cards: { path: string; concepts: { id: string; answered: boolean; where?: { line: number } }[] }[];
    };
    assert.equal(report.version, 1);
    const model = report.cards.find((card) => card.path.endsWith('sentiment-model/README.md'));
    const hardware = model?.concepts.find((concept) => concept.id === 'hardware');
    assert.equal(hardware?.answered, false);
    const limitations = model?.concepts.find((concept) => concept.id === 'limitations');
    assert.ok(limitations?.answered && limitations.where && limitations.where.line > 0, 'an answer says where');
  });

  it('writes one self-contained HTML page: every card a row, escaped, no script or external resource', () => {
    const result = runCli(['report', 'examples', '--format', 'html'], ROOT);
    const html = result.stdout;
    assert.match(html, /^<!doctype html>/);
    assert.equal((html.match(/<tr data-card="/g) ?? []).length, 2);
    assert.doesNotMatch(html, /<script|<link |src=|@import|url\(/i);
    assert.match(html, /prefers-color-scheme: dark/);
    assert.match(html, /@media print/);
  });

  it('has its own --help, and refuses an unknown format or an empty folder', () => {
    assert.match(runCli(['report', '--help'], ROOT).stdout, /--format FORMAT +markdown \(default\), html or json/);
    const bad = runCli(['report', '--format', 'pdf', 'examples'], ROOT);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be markdown, html or json/);
    assert.equal(runCli(['report', 'docs/rules'], ROOT).status, 2);
  });
});
