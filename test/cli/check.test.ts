import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { copyFixture, runCli } from '../support/cli';

interface JsonReport {
  version: number;
  files: {
    path: string;
    kind: string;
    diagnostics: { code: string; severity: string; range: unknown; data: unknown }[];
  }[];
}

let workspace = '';

before(() => {
  workspace = copyFixture('workspace');
  // Paths the scan must skip: written here because git would not keep them in the fixture.
  writeFileSync(join(workspace, '.gitignore'), 'ignored-output/\n');
  for (const folder of ['ignored-output', 'node_modules/pkg']) {
    mkdirSync(join(workspace, folder), { recursive: true });
    writeFileSync(
      join(workspace, folder, 'README.md'),
      '---\nlicense: apache2\npipeline_tag: fill-mask\n---\n# Model Card for x\n',
    );
  }
  mkdirSync(join(workspace, '.git'));
});

describe('cardwright check --format json', () => {
  it('lists every checked card with its kind, skipping non-cards, node_modules and git-ignored paths', () => {
    const result = runCli(['check', '--format', 'json', '.'], workspace);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind, file.diagnostics.length]),
      [
        ['datasets/reviews/README.md', 'dataset-card', 0],
        ['models/broken/README.md', 'model-card', 4],
        ['models/sentiment/README.md', 'model-card', 0],
      ],
    );
    assert.equal(result.status, 1);
  });

  it('gives 0-based LSP ranges and machine-readable data (CRLF file)', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json', 'models/broken'], workspace).stdout) as JsonReport;
    const diagnostics = report.files[0]!.diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range]),
      [
        ['unknown-key', 'warning', { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } }],
        ['language-code', 'error', { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } }],
        ['schema-enum', 'error', { start: { line: 3, character: 14 }, end: { line: 3, character: 32 } }],
        ['empty-value', 'warning', { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } }],
      ],
    );
    assert.deepEqual(
      (diagnostics.find((d) => d.code === 'language-code')!.data as { suggestions: string[] }).suggestions,
      ['es'],
    );
  });
});

describe('cardwright check --format text', () => {
  it('prints 1-based path:line:col severity code message and a summary', () => {
    const result = runCli(['check', 'models'], workspace);
    const lines = result.stdout.trim().split('\n');
    assert.equal(
      lines[0],
      'models/broken/README.md:2:1 warning unknown-key "licence" is not a metadata key the Hub knows, so it will be ignored. Did you mean "license"?',
    );
    assert.equal(lines.at(-2), '2 errors, 2 warnings in 2 files checked');
    assert.match(lines.at(-1) ?? '', /^Rule pages: .*\/docs\/rules\/<code>\.md$/);
    assert.equal(result.status, 1);
  });

  it('exits 0 for clean cards, and 1 past --max-warnings', () => {
    assert.equal(runCli(['check', 'models/sentiment', 'datasets'], workspace).status, 0);
    const cwd = copyFixture('workspace');
    const card = join(cwd, 'models/sentiment/README.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('---\n\n#', 'tags:\n---\n\n#'));
    assert.equal(runCli(['check', 'models/sentiment'], cwd).status, 0);
    assert.equal(runCli(['check', '--max-warnings', '1', 'models/sentiment'], cwd).status, 0);
    const over = runCli(['check', '--max-warnings', '0', 'models/sentiment'], cwd);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1 warnings, more than --max-warnings 0/);
  });
});

describe('cardwright check: language codes in the bundle', () => {
  it('knows every ISO 639 code and language name the iso-639-3 package lists (a compact table in dist/)', () => {
    // A folder of its own: the other tests check the whole shared workspace.
    const folder = mkdtempSync(join(tmpdir(), 'cardwright-languages-'));
    // 639-1 (en), 639-2/B (chi), 639-2/T and 639-3 (zho, ace, ain), names (English, Fijian), none (zzz1).
    const languages = ['en', 'chi', 'zho', 'ace', 'ain', 'English', 'Fijian', 'zzz1'];
    writeFileSync(
      join(folder, 'README.md'),
      ['---', 'license: mit', 'language:', ...languages.map((code) => `- ${code}`), '---', '# Model Card', ''].join(
        '\n',
      ),
    );
    const result = runCli(['check', '--format', 'json', '.'], folder);
    const report = JSON.parse(result.stdout) as JsonReport;
    const found = (report.files[0]?.diagnostics ?? [])
      .filter((d) => d.code === 'language-code')
      .map((d) => (d.data as { value: string; suggestions?: string[] }) ?? {});
    assert.deepEqual(
      found.map(({ value, suggestions }) => [value, suggestions ?? []]),
      [
        ['English', ['en']],
        ['Fijian', ['fj']],
        ['zzz1', []],
      ],
    );
  });
});

describe('cardwright check --format sarif', () => {
  it('writes a SARIF 2.1.0 log that validates against the official schema', () => {
    const result = runCli(['check', '--format', 'sarif', '.'], workspace);
    const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.equal(validate(log), true, JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0]!.results.map((r) => r.ruleId).sort(), [
      'empty-value',
      'language-code',
      'schema-enum',
      'unknown-key',
    ]);
    assert.equal(result.status, 1);
  });
});

describe('usage and configuration', () => {
  it('exits 2 with a one-line reason for bad usage and unreadable paths', () => {
    for (const args of [
      ['check'],
      ['check', '--format', 'xml', '.'],
      ['lint', '.'],
      ['check', '--bogus', '.'],
      ['check', 'no/such/path'],
    ]) {
      const result = runCli(args, workspace);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^cardwright: .+\n$/, args.join(' '));
    }
  });

  it('--kind forces the kind of every file', () => {
    const report = JSON.parse(
      runCli(['check', '--format', 'json', '--kind', 'dataset-card', 'notes'], workspace).stdout,
    ) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => [f.kind, f.diagnostics.map((d) => d.code)]),
      [
        [
          'dataset-card',
          [
            'front-matter-missing',
            // Its paragraph is a summary; the other questions a dataset card answers are missing.
            ...['structure', 'creation', 'uses', 'limitations', 'license'].map(() => 'section-missing'),
          ],
        ],
      ],
    );
  });

  it('applies the nearest .cardwright.yaml, or the one given with --config', () => {
    const cwd = copyFixture('workspace');
    writeFileSync(
      join(cwd, '.cardwright.yaml'),
      'rules:\n  language-code: warning\n  unknown-key: off\n  schema-enum: "off"\n',
    );
    const nearest = JSON.parse(runCli(['check', '--format', 'json', 'models/broken'], cwd).stdout) as JsonReport;
    assert.deepEqual(
      nearest.files[0]!.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['language-code', 'warning'],
        ['empty-value', 'warning'],
      ],
    );
    writeFileSync(join(cwd, 'strict.yaml'), 'rules:\n  empty-value: error\n');
    const forced = runCli(['check', '--format', 'json', '--config', 'strict.yaml', 'models/broken'], cwd);
    const codes = (JSON.parse(forced.stdout) as JsonReport).files[0]!.diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.ok(codes.includes('empty-value:error') && codes.includes('unknown-key:warning'), codes.join());
    assert.equal(runCli(['check', '--config', 'missing.yaml', '.'], cwd).status, 2);
  });

  it('prints help and version', () => {
    assert.match(runCli(['--help'], workspace).stdout, /^Usage: cardwright check/);
    assert.match(runCli(['--version'], workspace).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('check --help describes every option; each command has its own', () => {
    const help = runCli(['check', '--help'], workspace);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cardwright check \[options\] PATH\.\.\./);
    for (const option of [
      '--format FORMAT',
      '--kind KIND',
      '--config FILE',
      '--max-warnings N',
      '--no-ignore',
      '--allow-empty',
      '--skip-unknown',
      '--report-unused-disables',
    ]) {
      assert.match(help.stdout, new RegExp(`${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\S`), option);
    }
    assert.match(runCli(['link', '--help'], workspace).stdout, /--write-metrics +also fill model-index/);
    assert.match(runCli(['new', '--help'], workspace).stdout, /--out FOLDER +the folder to write the card into/);
  });

  it('answers a mistyped option or command with a suggestion, exit 2', () => {
    const option = runCli(['check', '--fromat', 'json', '.'], workspace);
    assert.equal(option.status, 2);
    assert.equal(option.stderr, 'cardwright: unknown option "--fromat": did you mean "--format"?\n');
    const command = runCli(['chekc', '.'], workspace);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /^cardwright: unknown command "chekc": did you mean "check"\?/);
    assert.equal(
      runCli(['check', '--format'], workspace).stderr,
      'cardwright: option "--format" needs a value (FORMAT).\n',
    );
  });
});

describe('says what it skipped', () => {
  it('counts skipped paths by reason on stderr, lists them in JSON, and names a skipped file the user named', () => {
    const text = runCli(['check', '.'], workspace);
    assert.match(
      text.stderr,
      /^cardwright: \d+ paths skipped \(1 git-ignored, \d+ not recognised; use --kind to check them, --no-ignore to include git-ignored files\)\.\n$/,
    );
    const json = JSON.parse(runCli(['check', '--format', 'json', '.'], workspace).stdout) as JsonReport & {
      skipped: { path: string; reason: string }[];
    };
    assert.deepEqual(
      json.skipped.filter((entry) => entry.reason === 'git-ignored'),
      [{ path: 'ignored-output', reason: 'git-ignored' }],
    );
    const named = runCli(['check', 'notes/README.md', 'models/broken/README.md'], workspace);
    assert.match(
      named.stderr,
      /^cardwright: skipped notes\/README\.md: not recognised as a card or config \(use --kind to check it as one\)\.\n/,
    );
    assert.equal(named.status, 1, 'the card that was checked still decides the status');
  });

  it('exits 2 when nothing was checked, unless --allow-empty; --no-ignore checks git-ignored files', () => {
    const nothing = runCli(['check', 'ignored-output'], workspace);
    assert.equal(nothing.status, 2);
    assert.match(
      nothing.stderr,
      /^cardwright: no file was checked: 1 path skipped \(1 git-ignored; --no-ignore to include git-ignored files\)\. Use --allow-empty to accept that\.\n$/,
    );
    assert.equal(runCli(['check', '--allow-empty', 'ignored-output'], workspace).status, 0);
    const included = runCli(['check', '--no-ignore', '--format', 'json', 'ignored-output'], workspace);
    assert.deepEqual(
      (JSON.parse(included.stdout) as JsonReport).files.map((file) => file.path),
      ['ignored-output/README.md'],
    );
    assert.equal(included.status, 1, 'its license is refused');
  });

  it('--skip-unknown (pre-commit passes every staged file): files that are not cards pass silently', () => {
    const result = runCli(['check', '--skip-unknown', 'notes/README.md'], workspace);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, '0 errors, 0 warnings in 0 files checked\n');
  });
});
