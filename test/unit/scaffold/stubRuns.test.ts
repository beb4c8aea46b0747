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

interface Report {
  samples: number;
  flavour: string;
  device: string;
  device_requested: string;
  note: string | null;
  example_output: string;
  libraries: Record<string, string>;
  hardware: { gpu: string | null };
}

/** A run that passed, with the report every script writes; asked for the CPU, it ran there. */
function checkRun(result: PythonRun | undefined, testCase: Case): Report {
  assert.ok(result, 'not run');
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as Report;
  assert.equal(report.samples, 2);
  assert.equal(report.flavour, testCase.flavour);
  assert.ok(report.example_output.length > 0);
  assert.equal(report.device_requested, 'cpu');
  // The device the library reports (keras: the one TensorFlow would pick, here the CPU).
  assert.match(report.device, /^cpu/);
  assert.equal(result.stderr.includes('warning: --device'), false, result.stderr);
  return report;
}

describe(
  'example scripts run against stand-in libraries',
  { skip: missing.length === 0 ? false : `not importable by /usr/bin/python3: ${missing.join(', ')}` },
  () => {
    const root = scratchFolder('stubs');
    let results: PythonRun[] = [];
    const v5Results = new Map<number, PythonRun>();
    let onnxOnCuda: PythonRun | undefined;

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
      const env = { ...process.env, PYTHONPATH: STUBS, PYTHONDONTWRITEBYTECODE: '1' };
      results = runScripts(commands, env);
      // The transformers scripts again, against transformers 5 (fewer pipelines), in a process of their own.
      const transformers = cases.flatMap((testCase, index) => (testCase.flavour === 'transformers' ? [index] : []));
      const v5 = runScripts(
        transformers.map((index) => commands[index] as string[]),
        { ...env, CARDWRIGHT_STUB_TRANSFORMERS: '5' },
      );
      transformers.forEach((caseIndex, runIndex) => v5Results.set(caseIndex, v5[runIndex] as PythonRun));
      // ONNX Runtime without a CUDA provider, asked for CUDA: the report says where it really ran.
      const onnx = commands[cases.findIndex((testCase) => testCase.flavour === 'onnxruntime')] as string[];
      [onnxOnCuda] = runScripts([[...onnx.slice(0, -1), 'cuda']], env);
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    cases.forEach((testCase, index) => {
      const task = JSON.stringify(testCase.metadata.pipeline_tag ?? 'no task');
      it(`${testCase.flavour} / ${task} (${String(testCase.metadata.library_name)})`, () => {
        const report = checkRun(results[index], testCase);
        if (testCase.flavour === 'transformers') assert.match(String(report.libraries.transformers), /^4\./);
      });
      if (testCase.flavour !== 'transformers') return;
      it(`transformers 5 / ${task}`, () => {
        const report = checkRun(v5Results.get(index), testCase);
        assert.match(String(report.libraries.transformers), /^5\./);
        const removed = ['summarization', 'translation', 'text2text-generation', 'question-answering'];
        if (removed.includes(String(testCase.metadata.pipeline_tag))) {
          assert.match(String(report.note), /^AutoModelFor(Seq2SeqLM\.generate\(\)|QuestionAnswering forward pass)$/);
        }
        if (testCase.metadata.pipeline_tag === 'image-to-text') {
          // 5.x has no AutoModelForVision2Seq: the script takes its successor.
          assert.equal(report.note, 'AutoModelForImageTextToText.generate()');
        }
      });
    });

    it('ONNX Runtime asked for CUDA without a CUDA provider: reports the CPU and warns', () => {
      assert.ok(onnxOnCuda, 'not run');
      assert.equal(onnxOnCuda.status, 0, onnxOnCuda.stderr);
      const report = JSON.parse(onnxOnCuda.stdout) as Report;
      assert.equal(report.device, 'cpu');
      assert.equal(report.device_requested, 'cuda');
      assert.equal(report.hardware.gpu, null);
      assert.match(onnxOnCuda.stderr, /warning: --device cuda was asked for, but the model ran on cpu/);
    });
  },
);
