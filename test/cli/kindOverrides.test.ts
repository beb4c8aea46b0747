/**
 * `kind:` in an `overrides:` entry checks files whose names say nothing (a folder of cards saved
 * as `owner__repo.md`) as the kind it names, in one run: what `--kind` does for a whole run.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../support/cli';

interface JsonReport {
  files: { path: string; kind: string; diagnostics: { code: string }[] }[];
  skipped?: { path: string; reason: string }[];
}

let root = '';

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function check(...args: string[]): JsonReport {
  const result = runCli(['check', '--format', 'json', ...args], root);
  return JSON.parse(result.stdout) as JsonReport;
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cardwright-kinds-'));
  mkdirSync(join(root, '.git'));
  write(
    '.cardwright.yaml',
    [
      'rules:',
      '  section-missing: off',
      'overrides:',
      '  - files: cards/models/*.md',
      '    kind: model-card',
      '  - files: cards/datasets',
      '    kind: dataset-card',
      '  - files: experiments/*.yaml',
      '    kind: training-config',
      '',
    ].join('\n'),
  );
  write('cards/models/acme__bert.md', '---\nlicense: apache2\n---\n# bert\n\nA text classifier.\n');
  write(
    'cards/datasets/acme__reviews.md',
    '---\nlicense: mit\ntask_categories: [text-classification]\n---\n# reviews\n',
  );
  write('experiments/run-7.yaml', 'learning_rate: 0.001\nnum_train_epochs: 3\n');
  write('notes/ideas.md', '# Ideas\n\nNothing here is a card.\n');
});

describe('cardwright check: kind from overrides:', () => {
  it('checks the files an entry names as its kind, and only those', () => {
    const report = check('.');
    const kinds = Object.fromEntries(report.files.map((file) => [file.path, file.kind]));
    assert.equal(kinds['cards/models/acme__bert.md'], 'model-card');
    assert.equal(kinds['cards/datasets/acme__reviews.md'], 'dataset-card');
    assert.equal(kinds['experiments/run-7.yaml'], 'training-config');
    assert.equal(kinds['notes/ideas.md'], undefined, 'a file no entry names is still recognised by its name');
    assert.ok(report.skipped?.some((skip) => skip.path.endsWith('notes/ideas.md') && skip.reason === 'not-recognised'));
    // Checked as a model card: the Hub's licence list applies.
    const bert = report.files.find((file) => file.path === 'cards/models/acme__bert.md');
    assert.deepEqual(
      bert?.diagnostics.map((d) => d.code),
      ['schema-enum'],
    );
  });

  it('gives way to --kind on the command line', () => {
    const report = check('--kind', 'dataset-card', 'cards/models');
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind]),
      [
        ['cards/models/acme__bert.md', 'dataset-card'],
        ['.cardwright.yaml', 'project-config'],
      ],
    );
  });

  it('is a setting the schema knows (a wrong kind is reported on the settings file)', () => {
    write('bad/.cardwright.yaml', 'overrides:\n  - files: "*.md"\n    kind: model-crad\n');
    write('bad/card.md', '# x\n');
    const report = check('bad');
    const settings = report.files.find((file) => file.path === 'bad/.cardwright.yaml');
    assert.deepEqual(
      settings?.diagnostics.map((d) => d.code),
      ['config-invalid'],
    );
  });
});
