/**
 * Generated scripts really run: a tiny model trained here and saved next to a card, the script
 * generated for that card, run with `--samples 20 --json`. Needs Debian's python3-sklearn and
 * python3-joblib (and python3-torch for the PyTorch case); skipped, saying so, without them.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isModelFile } from '../../../server/src/core/scaffold/flavour';
import { canImport, runPython } from '../../support/python';
import { generate, scratchFolder, writeScript } from '../../support/scaffold';

interface Report {
  model: string;
  flavour: string;
  device: string;
  samples: number;
  warmup: number;
  hardware: { cpu: string; cores: number; platform: string; gpu: string | null };
  libraries: Record<string, string>;
  latency_ms: { mean: number; p50: number; p95: number; min: number; max: number };
  throughput_per_s: number;
  example_output: string;
}

/** A card folder: README.md with `frontMatter`, plus whatever `train` (Python) saves there. */
function modelFolder(root: string, name: string, frontMatter: string, train: string): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'README.md'), `---\n${frontMatter}---\n\n# Model Card for ${name}\n`);
  const trained = runPython(['-c', train], { cwd: folder });
  assert.equal(trained.status, 0, trained.stderr);
  return folder;
}

/** Generates the script for the card in `root/name` and runs it; returns its JSON report. */
function generateAndRun(root: string, name: string, metadata: Record<string, unknown>, extra: string[] = []): Report {
  const files = readdirSync(join(root, name));
  const script = generate({
    metadata,
    cardPath: `${name}/README.md`,
    folderName: name,
    title: `Model Card for ${name}`,
    modelFiles: files,
    hasLocalModel: files.some(isModelFile),
  });
  const file = writeScript(root, script);
  // Run from elsewhere: the default --model must not depend on the working folder.
  const result = runPython([file, '--samples', '20', '--json', ...extra], { cwd: '/' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Report;
}

function checkReport(report: Report, folder: string, flavour: string): void {
  assert.equal(report.model, folder, 'the default --model is the card folder');
  assert.equal(report.flavour, flavour);
  assert.equal(report.samples, 20);
  assert.equal(report.warmup, 3);
  assert.equal(report.device, 'cpu');
  const { mean, p50, p95, min, max } = report.latency_ms;
  assert.ok(min > 0 && min <= p50 && p50 <= p95 && p95 <= max, JSON.stringify(report.latency_ms));
  assert.ok(mean >= min && mean <= max);
  assert.ok(report.throughput_per_s > 0);
  assert.ok(report.hardware.cpu.length > 0 && report.hardware.cpu !== 'unknown');
  assert.ok(report.hardware.cores >= 1);
  assert.ok(report.hardware.platform.length > 0);
  assert.equal(report.hardware.gpu, null);
  assert.ok(report.libraries.python);
  assert.ok(report.example_output.length > 0);
}

const sklearn = canImport('sklearn') && canImport('joblib');
const torch = canImport('torch');

describe('example script end to end', () => {
  const root = scratchFolder('e2e');
  after(() => rmSync(root, { recursive: true, force: true }));

  it(
    'scikit-learn: trains, saves with joblib, runs 20 timed predictions and reports them',
    { skip: sklearn ? false : 'python3-sklearn / python3-joblib not importable by /usr/bin/python3 (apt-get install)' },
    () => {
      const folder = modelFolder(
        root,
        'iris-logreg',
        'library_name: sklearn\npipeline_tag: tabular-classification\n',
        `import joblib
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
X, y = load_iris(return_X_y=True)
joblib.dump(LogisticRegression(max_iter=500).fit(X, y), 'model.joblib')`,
      );
      const report = generateAndRun(root, 'iris-logreg', {
        library_name: 'sklearn',
        pipeline_tag: 'tabular-classification',
      });
      checkReport(report, folder, 'scikit-learn');
      assert.ok(report.libraries.sklearn, 'scikit-learn version reported');
      assert.match(report.example_output, /^array\(\[[012]\]\)$/);
    },
  );

  it(
    'scikit-learn with feature names: rows become a DataFrame with the fitted columns',
    { skip: sklearn && canImport('pandas') ? false : 'python3-sklearn or python3-pandas not importable' },
    () => {
      modelFolder(
        root,
        'named-columns',
        'tags: [sklearn]\n',
        `import joblib, pandas as pd
from sklearn.tree import DecisionTreeRegressor
frame = pd.DataFrame({'area': [50.0, 80.0, 120.0], 'rooms': [2.0, 3.0, 5.0]})
joblib.dump(DecisionTreeRegressor().fit(frame, [100.0, 160.0, 250.0]), 'house.pkl')`,
      );
      const report = generateAndRun(root, 'named-columns', { tags: ['sklearn'] });
      assert.equal(report.samples, 20);
      assert.ok(report.throughput_per_s > 0);
    },
  );

  for (const [save, label] of [
    ['torch.jit.save(torch.jit.script(net), "model.pt")', 'TorchScript'],
    ['torch.save(net, "model.pt")', 'a pickled module'],
  ]) {
    it(
      `plain PyTorch (${label}): runs 20 timed forward passes on an input shaped from the first layer`,
      { skip: torch ? false : 'python3-torch not importable by /usr/bin/python3 (apt-get install python3-torch)' },
      () => {
        const name = label === 'TorchScript' ? 'tiny-scripted' : 'tiny-pickled';
        const folder = modelFolder(
          root,
          name,
          'library_name: pytorch\n',
          `import torch
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
                          torch.nn.Flatten(), torch.nn.Linear(4, 2))
${save}`,
        );
        const report = generateAndRun(root, name, { library_name: 'pytorch' }, ['--device', 'cpu']);
        checkReport(report, folder, 'pytorch');
        assert.ok(report.libraries.torch, 'torch version reported');
        assert.match(report.example_output, /^tensor\(\[\[/);
      },
    );
  }

  it(
    'plain PyTorch: a state dict alone stops with a message saying what to do',
    { skip: torch ? false : 'python3-torch not importable by /usr/bin/python3' },
    () => {
      modelFolder(
        root,
        'weights-only',
        'library_name: pytorch\n',
        'import torch\ntorch.save(torch.nn.Linear(3, 1).state_dict(), "weights.pth")',
      );
      const script = generate({
        metadata: { library_name: 'pytorch' },
        cardPath: 'weights-only/README.md',
        modelFiles: ['weights.pth'],
        hasLocalModel: true,
      });
      const result = runPython([writeScript(root, script), '--samples', '2']);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /holds weights only \(a state dict\)/);
    },
  );
});
