import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Flavour } from '../../../server/src/core/scaffold/flavour';
import { isUnchangedSinceGenerated } from '../../../server/src/core/scaffold/generatedMarker';
import { hasPython, pyCompile, runPython } from '../../support/python';
import { generate, scratchFolder, sha256, writeScript } from '../../support/scaffold';

interface Case {
  flavour: Flavour;
  metadata: Record<string, unknown>;
  files?: string[];
}

const TRANSFORMERS_TASKS = [
  'text-classification',
  'token-classification',
  'feature-extraction',
  'text-generation',
  'summarization',
  'translation',
  'fill-mask',
  'question-answering',
  'zero-shot-classification',
  'table-question-answering',
  'image-classification',
  'object-detection',
  'image-to-text',
  'zero-shot-image-classification',
  'visual-question-answering',
  'image-text-to-text',
  'automatic-speech-recognition',
  'audio-classification',
  'text-to-speech',
  // No pipeline: an Auto class with text, image and audio inputs.
  'time-series-forecasting',
  'keypoint-detection',
  'audio-to-audio',
  undefined,
];

function withTask(library: string, tasks: readonly (string | undefined)[], flavour: Flavour, files?: string[]): Case[] {
  return tasks.map((task) => ({
    flavour,
    metadata: task === undefined ? { library_name: library } : { library_name: library, pipeline_tag: task },
    files,
  }));
}

/** Every flavour x several tasks, chosen by library_name (other choices are in flavour.test.ts). */
const CASES: Case[] = [
  ...withTask('transformers', TRANSFORMERS_TASKS, 'transformers'),
  ...withTask('peft', ['text-generation'], 'transformers'),
  ...withTask(
    'diffusers',
    ['text-to-image', 'image-to-image', 'unconditional-image-generation', 'text-to-video', undefined],
    'diffusers',
  ),
  { flavour: 'diffusers', metadata: { library_name: 'diffusers', instance_prompt: 'a photo of sks dog' } },
  ...withTask(
    'sentence-transformers',
    ['sentence-similarity', 'feature-extraction', undefined],
    'sentence-transformers',
  ),
  ...withTask('timm', ['image-classification', 'image-feature-extraction', undefined], 'timm'),
  ...withTask(
    'sklearn',
    ['tabular-classification', 'tabular-regression', 'text-classification', undefined],
    'scikit-learn',
    ['model.joblib'],
  ),
  ...withTask('skops', ['tabular-classification'], 'scikit-learn', ['model.skops']),
  ...withTask(
    'onnx',
    ['text-classification', 'image-classification', 'automatic-speech-recognition', undefined],
    'onnxruntime',
    ['model.onnx'],
  ),
  ...withTask('pytorch', ['image-classification', 'audio-classification', undefined], 'pytorch', ['model.pt']),
  ...withTask('pytorch-lightning', ['text-classification'], 'pytorch', ['last.ckpt']),
  ...withTask('keras', ['image-classification', undefined], 'keras', ['model.keras']),
  ...withTask('tf-keras', ['text-classification'], 'keras'),
  ...withTask('nemo', ['automatic-speech-recognition', undefined], 'generic'),
  ...withTask('stable-baselines3', ['reinforcement-learning'], 'generic'),
];

const python = hasPython() ? false : 'no /usr/bin/python3: generated scripts not compiled';

describe('example script: every flavour x task', { skip: python }, () => {
  const root = scratchFolder('flavours');
  const generated = CASES.map((testCase, index) => {
    const script = generate({
      metadata: testCase.metadata,
      modelFiles: testCase.files ?? [],
      hasLocalModel: (testCase.files ?? []).length > 0,
      outPath: `scripts/case_${index}.py`,
    });
    return { testCase, script, file: writeScript(root, script) };
  });

  it('chooses the expected flavour', () => {
    for (const { testCase, script } of generated) {
      assert.equal(script.flavour, testCase.flavour, JSON.stringify(testCase.metadata));
    }
    const covered = new Set(generated.map(({ script }) => script.flavour));
    assert.equal(covered.size, 9, `flavours covered: ${[...covered].join(', ')}`);
  });

  it(`compiles with python3 -m py_compile (${CASES.length} scripts)`, () => {
    assert.equal(pyCompile(generated.map(({ file }) => file)), undefined);
  });

  it('answers --help with no ML library importable (python3 -S: no site or dist-packages)', () => {
    for (const { file, testCase } of generated) {
      const result = runPython(['-S', file, '--help']);
      assert.equal(result.status, 0, `${JSON.stringify(testCase.metadata)}: ${result.stderr}`);
      for (const option of ['--model', '--samples', '--warmup', '--device', '--json']) {
        assert.match(result.stdout, new RegExp(option));
      }
    }
  });

  it('marks the generic skeleton clearly, and stops with a message when run', () => {
    const skeleton = generated.find(({ script }) => script.flavour === 'generic');
    assert.ok(skeleton);
    assert.match(skeleton.script.text, /GENERIC SKELETON/);
    const result = runPython(['-S', skeleton.file]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /Skeleton only: write load_runner\(\)/);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('example script: text', () => {
  it('has the header, the argparse defaults and the marker', () => {
    const script = generate({ metadata: { library_name: 'transformers', pipeline_tag: 'text-classification' } });
    assert.equal(script.path, 'models/demo/examples/demo_inference.py');
    const lines = script.text.split('\n');
    assert.equal(lines[0], '#!/usr/bin/env python3');
    assert.match(lines[1] ?? '', /generated by Cardwright from the card 'models\/demo\/README\.md'/);
    assert.match(lines[2] ?? '', /^# on 2024-05-01T12:00:00\.000Z /);
    assert.match(script.text, /^# cardwright: generated sha256=[0-9a-f]{64}$/m);
    assert.match(script.text, /default=20/);
    assert.match(script.text, /default=3/);
    assert.match(script.text, /time\.perf_counter\(\)/);
    assert.match(script.text, /^LOCAL_MODEL_DIR = None$/m);
    assert.match(script.text, /^PIPELINE_TASK = 'text-classification'$/m);
  });

  it('defaults --model to the card folder (relative to the script) when it holds the model', () => {
    const script = generate({
      metadata: { library_name: 'sklearn' },
      modelFiles: ['model.joblib'],
      hasLocalModel: true,
    });
    assert.match(script.text, /^LOCAL_MODEL_DIR = '\.\.'$/m);
    assert.match(script.text, /^MODEL_FILE = 'model\.joblib'$/m);
    const elsewhere = generate({ hasLocalModel: true, outPath: 'tools/bench/demo.py' });
    assert.match(elsewhere.text, /^LOCAL_MODEL_DIR = '\.\.\/\.\.\/models\/demo'$/m);
  });

  it('imports only the standard library at the top level', () => {
    const script = generate({ metadata: { library_name: 'timm' } });
    const topLevel = script.text.split('\n').filter((line) => /^(import|from) /.test(line));
    assert.deepEqual(topLevel, [
      'import argparse',
      'import json',
      'import os',
      'import platform',
      'import statistics',
      'import sys',
      'import time',
    ]);
  });

  it('is deterministic: the same input gives the same text', () => {
    const input = { metadata: { library_name: 'diffusers' }, modelFiles: ['model_index.json'] };
    assert.equal(generate(input).text, generate(input).text);
  });
});

describe('isUnchangedSinceGenerated', () => {
  const text = generate({ metadata: { library_name: 'onnx' } }).text;

  it('is true for the text as generated', () => {
    assert.equal(isUnchangedSinceGenerated(text, sha256), true);
  });

  it('is false once anything else in the file changed', () => {
    assert.equal(isUnchangedSinceGenerated(text.replace('default=20', 'default=50'), sha256), false);
    assert.equal(isUnchangedSinceGenerated(`${text}# mine\n`, sha256), false);
    assert.equal(isUnchangedSinceGenerated(text.replace(/\n/g, '\r\n'), sha256), false);
  });

  it('is false when the marker is gone or edited', () => {
    assert.equal(isUnchangedSinceGenerated(text.replace(/^# cardwright: generated .*\n/m, ''), sha256), false);
    assert.equal(isUnchangedSinceGenerated(text.replace(/sha256=[0-9a-f]/, 'sha256=x'), sha256), false);
    assert.equal(isUnchangedSinceGenerated('print("hello")\n', sha256), false);
  });
});
