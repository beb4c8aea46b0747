/**
 * Every generated script really runs, every branch: py_compile cannot see a missing helper or a
 * wrong argument, so each flavour x task script is run with `--samples 2 --json` against the
 * stand-ins in test/support/pythonStubs (real numpy, PIL, torch and scikit-learn from Debian).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MODEL_FILE_SUFFIXES } from '../../../server/src/core/scaffold/flavour';
import { canImport, runPython, runScripts, type PythonRun } from '../../support/python';
import { generate, scratchFolder, writeScript } from '../../support/scaffold';
import { CASES, type Case } from './flavourCases';

const STUBS = join(__dirname, '..', '..', 'support', 'pythonStubs');

/** Real models for the file-loading flavours: a tabular and a text estimator, a TorchScript net. */
const SAVE_MODELS = `import joblib, torch
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
joblib.dump(LogisticRegression().fit([[0, 0, 0, 1], [1, 0, 0, 0]], [0, 1]), 'tabular.joblib')
joblib.dump(make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(['good film', 'bad film'], [1, 0]), 'text.joblib')
net = torch.nn.Sequential(torch.nn.Conv2d(3, 2, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())
torch.jit.save(torch.jit.script(net), 'net.pt')`;

/** The saved model a case's file is a copy of; undefined: an empty file (stub libraries read none). */
function savedModel(testCase: Case): string | undefined {
  if (testCase.flavour === 'pytorch') return 'net.pt';
  if (testCase.flavour !== 'scikit-learn') return undefined;
  return testCase.metadata.pipeline_tag === 'text-classification' ? 'text.joblib' : 'tabular.joblib';
}

/** Cases that can run here: not the skeleton, not skops (not in Debian), file flavours with a file. */
function runnable(testCase: Case): boolean {
  const files = testCase.files ?? [];
  if (testCase.flavour === 'generic' || files.some((file) => file.endsWith('.skops'))) return false;
  return MODEL_FILE_SUFFIXES[testCase.flavour] === undefined || files.length > 0;
}

const missing = ['numpy', 'PIL', 'torch', 'sklearn', 'joblib'].filter((module) => !canImport(module));

const cases = CASES.filter(runnable);

describe(
  'example scripts run against stand-in libraries',
  { skip: missing.length === 0 ? false : `not importable by /usr/bin/python3: ${missing.join(', ')}` },
  () => {
    const root = scratchFolder('stubs');
    let results: PythonRun[] = [];

    // Writes every case's card folder and script, then runs them all in one Python process.
    before(() => {
      const saved = join(root, 'saved');
      mkdirSync(saved);
      const trained = runPython(['-c', SAVE_MODELS], { cwd: saved });
      assert.equal(trained.status, 0, trained.stderr);
      const commands = cases.map((testCase, index) => {
        const folder = `card_${index}`;
        mkdirSync(join(root, folder));
        for (const file of testCase.files ?? []) {
          const source = savedModel(testCase);
          if (source) copyFileSync(join(saved, source), join(root, folder, file));
          else writeFileSync(join(root, folder, file), '');
        }
        const script = generate({
          metadata: testCase.metadata,
          cardPath: `${folder}/README.md`,
          modelFiles: testCase.files ?? [],
          hasLocalModel: (testCase.files ?? []).length > 0,
        });
        return [writeScript(root, script), '--samples', '2', '--warmup', '1', '--json', '--device', 'cpu'];
      });
      // No __pycache__ folders in the repository's stub packages.
      results = runScripts(commands, { ...process.env, PYTHONPATH: STUBS, PYTHONDONTWRITEBYTECODE: '1' });
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    cases.forEach((testCase, index) => {
      const task = JSON.stringify(testCase.metadata.pipeline_tag ?? 'no task');
      it(`${testCase.flavour} / ${task} (${String(testCase.metadata.library_name)})`, () => {
        const result = results[index];
        assert.ok(result, 'not run');
        assert.equal(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { samples: number; flavour: string; example_output: string };
        assert.equal(report.samples, 2);
        assert.equal(report.flavour, testCase.flavour);
        assert.ok(report.example_output.length > 0);
      });
    });
  },
);
