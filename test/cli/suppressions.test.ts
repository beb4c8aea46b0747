import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../support/cli';

interface JsonReport {
  files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[];
}

/** A card with a bad licence (line 2) and a link to a missing file (line 7). */
const CARD = '---\nlicense: apache2\n---\n# Model Card for x\n\nFor demos.\n\nSee [notes](notes.md).\n';

let root = '';

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** `path:line:code` rows of the JSON report. */
function check(...args: string[]): { rows: string[]; status: number | null } {
  const result = runCli(['check', '--format', 'json', ...args], root);
  assert.equal(result.stderr, '');
  const report = JSON.parse(result.stdout) as JsonReport;
  const rows = report.files.flatMap((file) =>
    file.diagnostics.map((d) => `${file.path}:${d.range.start.line + 1}:${d.code}`),
  );
  return { rows, status: result.status };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cardwright-silencing-'));
  mkdirSync(join(root, '.git'));
  write(
    '.cardwright.yaml',
    [
      'profile: minimal',
      'rules:',
      '  section-missing: off',
      'ignore:',
      '  - templates/**',
      'overrides:',
      '  - files: legacy/**',
      '    rules:',
      '      schema-enum: warning',
      '      link-broken: off',
      '  - files: legacy/strict/**',
      '    rules:',
      '      link-broken: error',
      '',
    ].join('\n'),
  );
  write('models/plain/README.md', CARD);
  write('models/silenced/README.md', CARD.replace('See', '<!-- cardwright-disable-next-line link-broken -->\nSee'));
  write(
    'models/stale/README.md',
    CARD.replace('license: apache2', 'license: apache2 # cardwright-disable-line schema-enum').replace(
      'For demos.',
      '<!-- cardwright-disable-next-line heading-duplicate -->\nFor demos.',
    ),
  );
  write('templates/model/README.md', CARD);
  write('legacy/README.md', CARD);
  write('legacy/strict/README.md', CARD);
});

describe('cardwright check: silencing', () => {
  it('applies disable comments, ignore: and overrides: (in order, a later entry wins)', () => {
    const { rows, status } = check('.');
    assert.deepEqual(rows, [
      'legacy/README.md:2:schema-enum',
      'legacy/strict/README.md:2:schema-enum',
      'legacy/strict/README.md:8:link-broken',
      'models/plain/README.md:2:schema-enum',
      'models/plain/README.md:8:link-broken',
      'models/silenced/README.md:2:schema-enum',
      'models/stale/README.md:9:link-broken',
    ]);
    assert.equal(status, 1);
    const severities = JSON.parse(runCli(['check', '--format', 'json', 'legacy'], root).stdout) as JsonReport;
    assert.deepEqual(
      severities.files.map((file) => [file.path, file.diagnostics.map((d) => d.severity)]),
      [
        ['legacy/README.md', ['warning']],
        ['legacy/strict/README.md', ['warning', 'error']],
        ['.cardwright.yaml', []],
      ],
    );
  });

  it('skips an ignored file even when it is named on the command line', () => {
    const result = runCli(['check', 'templates/model/README.md'], root);
    assert.equal(result.status, 0);
    assert.doesNotMatch(result.stdout, /schema-enum/);
  });

  it('--report-unused-disables reports comments and codes that suppress nothing', () => {
    assert.deepEqual(check('models/stale').rows, ['models/stale/README.md:9:link-broken']);
    const { rows } = check('--report-unused-disables', 'models/stale', 'models/silenced');
    assert.deepEqual(rows.sort(), [
      'models/silenced/README.md:2:schema-enum',
      'models/stale/README.md:6:unused-disable',
      'models/stale/README.md:9:link-broken',
    ]);
    const text = runCli(['check', '--report-unused-disables', 'models/stale'], root).stdout;
    assert.match(text, /README\.md:6:35 warning unused-disable .*"heading-duplicate"/);
  });

  it('documents the flag in --help', () => {
    assert.match(
      runCli(['check', '--help'], root).stdout,
      /--report-unused-disables +report cardwright-disable comments/,
    );
  });
});
