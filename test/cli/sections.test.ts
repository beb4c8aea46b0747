import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, runCli } from '../support/cli';

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data: Record<string, unknown>;
}

interface JsonReport {
  files: { path: string; kind: string; diagnostics: JsonDiagnostic[] }[];
}

/** A fresh copy of test/fixtures/sections, as its own repository (config discovery stops there). */
function workspace(): string {
  const cwd = copyFixture('sections');
  mkdirSync(join(cwd, '.git'));
  return cwd;
}

function checkJson(cwd: string, ...args: string[]): { status: number | null; report: JsonReport } {
  const result = runCli(['check', '--format', 'json', ...args], cwd);
  assert.equal(result.stderr, '');
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}

/** The title line of hf-template/README.md: `# Model Card for review-polarity`. */
const TITLE = { start: { line: 11, character: 2 }, end: { line: 11, character: 32 } };

describe('card body checks in cardwright check', () => {
  it('a card following the HF template without inputs and outputs gets exactly those two warnings', () => {
    const { status, report } = checkJson(workspace(), '.');
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind]),
      [
        ['complete-dataset/README.md', 'dataset-card'],
        ['hf-template/README.md', 'model-card'],
      ],
    );
    assert.deepEqual(report.files[0]!.diagnostics, [], 'a complete card gets none');
    assert.deepEqual(
      report.files[1]!.diagnostics.map((d) => [d.code, d.severity, d.range, d.data.concept]),
      [
        ['section-missing', 'warning', TITLE, 'inputs'],
        ['section-missing', 'warning', TITLE, 'outputs'],
      ],
    );
    assert.match(report.files[1]!.diagnostics[0]!.message, /^The card does not say what the model takes as input/);
    assert.equal(status, 0, 'warnings do not fail the check');
  });

  it('prints them as path:line:col in text', () => {
    const lines = runCli(['check', 'hf-template'], workspace()).stdout.trim().split('\n');
    assert.match(
      lines[0]!,
      /^hf-template\/README\.md:12:3 warning section-missing The card does not say what the model/,
    );
    assert.equal(lines.at(-2), '0 errors, 2 warnings in 1 file checked');
  });

  it('`rules: {section-missing: off}` in .cardwright.yaml silences them, and the settings file is listed', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
    const { report } = checkJson(cwd, 'hf-template');
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind, file.diagnostics.length]),
      [
        ['hf-template/README.md', 'model-card', 0],
        ['.cardwright.yaml', 'project-config', 0],
      ],
    );
  });

  it('a profile or a required list changes what is asked for', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, '.cardwright.yaml'), 'profile: huggingface\n');
    assert.deepEqual(checkJson(cwd, 'hf-template').report.files[0]!.diagnostics, []);
    writeFileSync(
      join(cwd, '.cardwright.yaml'),
      'sections:\n  model-card:\n    required: [inputs]\n    synonyms:\n      inputs: [Direct Use]\n',
    );
    assert.deepEqual(checkJson(cwd, 'hf-template').report.files[0]!.diagnostics, []);
  });

  it('a malformed settings file gets diagnostics on itself, and its valid parts still apply', () => {
    const cwd = workspace();
    writeFileSync(
      join(cwd, '.cardwright.yaml'),
      'profile: 3\nrules:\n  section-missing: quiet\nsections:\n  model-card:\n    required: [inputs]\n',
    );
    const { status, report } = checkJson(cwd, '.');
    const settings = report.files.find((file) => file.kind === 'project-config');
    assert.equal(settings?.path, '.cardwright.yaml', 'a scanned settings file is listed where the scan finds it');
    assert.equal(report.files[0], settings);
    assert.deepEqual(
      settings.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['config-invalid', 'error', 0],
        ['config-invalid', 'error', 2],
      ],
    );
    const card = report.files.find((file) => file.path === 'hf-template/README.md');
    assert.deepEqual(
      card?.diagnostics.map((d) => [d.data.concept, d.severity]),
      [['inputs', 'warning']],
      'the valid `sections` applies; the default severity replaces the broken one',
    );
    assert.equal(status, 1);

    writeFileSync(join(cwd, '.cardwright.yaml'), 'rules: [oops\n');
    const broken = checkJson(cwd, 'hf-template').report;
    assert.deepEqual(
      broken.files.map((file) => [file.path, file.diagnostics.map((d) => d.code)]),
      [
        ['hf-template/README.md', ['section-missing', 'section-missing']],
        ['.cardwright.yaml', ['yaml-syntax']],
      ],
    );
  });

  it('--config FILE replaces the nearest settings file and is checked too', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
    writeFileSync(join(cwd, 'ci.yaml'), 'rules:\n  section-missing: error\n');
    const { status, report } = checkJson(cwd, '--config', 'ci.yaml', 'hf-template');
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind, file.diagnostics.map((d) => `${d.code}:${d.severity}`)]),
      [
        ['hf-template/README.md', 'model-card', ['section-missing:error', 'section-missing:error']],
        ['ci.yaml', 'project-config', []],
      ],
    );
    assert.equal(status, 1);
  });
});
