// Generated documents for the benchmarks and the fast-path equivalence tests: realistic nested
// training configs (sweeps of experiments with comments, lists, anchors and merge keys) of a
// chosen size, the JSON Schema they are checked against, and model cards with a long model-index.
// Deterministic: the same size gives the same text.

/** A draft-07 schema both servers understand: types, enums, bounds and required keys, nested. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['output_dir', 'experiments'],
  properties: {
    output_dir: { type: 'string' },
    seed: { type: 'integer' },
    defaults: { $ref: '#/definitions/experiment' },
    experiments: { type: 'array', items: { $ref: '#/definitions/experiment' } },
  },
  definitions: {
    experiment: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        learning_rate: { type: 'number', exclusiveMinimum: 0 },
        num_train_epochs: { type: 'integer', minimum: 1 },
        lr_scheduler_type: { enum: ['linear', 'cosine', 'constant', 'polynomial'] },
        per_device_train_batch_size: { type: 'integer', minimum: 1 },
        bf16: { type: 'boolean' },
        model: {
          type: 'object',
          properties: {
            name_or_path: { type: 'string' },
            hidden_size: { type: 'integer' },
            dropout: { type: 'number', minimum: 0, maximum: 1 },
            layers: { type: 'array', items: { type: 'object', properties: { width: { type: 'integer' } } } },
          },
        },
        data: {
          type: 'object',
          properties: {
            train_files: { type: 'array', items: { type: 'string' } },
            max_seq_length: { type: 'integer' },
          },
        },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
  },
};

const SCHEDULERS = ['linear', 'cosine', 'constant', 'polynomial'];

/**
 * One experiment of the sweep, `i` picks its values. Every 50th merges the defaults through the
 * anchor; the others spell their epochs out. (A merge key in every experiment would measure
 * yaml-language-server's alias resolution, which walks the whole document per alias, not its
 * checking.)
 */
function experiment(i) {
  const lines = [
    `  # Run ${i}: ${SCHEDULERS[i % 4]} schedule, width ${256 + (i % 8) * 64}`,
    `  - name: sweep-${String(i).padStart(5, '0')}`,
    i % 50 === 0 ? `    <<: *defaults` : `    num_train_epochs: ${1 + (i % 5)}`,
    `    learning_rate: ${(1e-5 * (1 + (i % 9))).toExponential(1)}`,
    `    lr_scheduler_type: ${SCHEDULERS[i % 4]}`,
    `    per_device_train_batch_size: ${8 << (i % 3)}`,
    `    model:`,
    `      name_or_path: "org/encoder-${i % 5}"  # tokenizer shared with the base`,
    `      hidden_size: ${512 + (i % 4) * 128}`,
    `      dropout: 0.${i % 5}`,
    `      layers:`,
  ];
  for (let layer = 0; layer < 3; layer++) lines.push(`        - { width: ${128 << layer}, activation: gelu }`);
  lines.push(
    `    data:`,
    `      train_files:`,
    `        - data/shard-${i % 16}.jsonl`,
    `        - 'data/extra ${i % 3}.jsonl'`,
    `      max_seq_length: ${512 * (1 + (i % 2))}`,
    `    tags: [sweep, ${i % 2 ? 'ablation' : 'baseline'}]`,
  );
  return lines.join('\n');
}

/**
 * A training config of about `bytes` characters. `scheduler` replaces the first experiment's
 * schedule (an invalid value such as `cosin` gives exactly one schema finding).
 */
export function configText(bytes, schemaRef = './schema.json', scheduler = 'cosine') {
  const head = [
    `# yaml-language-server: $schema=${schemaRef}`,
    '# Hyperparameter sweep generated for the benchmark.',
    'output_dir: runs/sweep',
    'seed: 42',
    'defaults: &defaults',
    '  num_train_epochs: 3',
    '  bf16: true',
    '  lr_scheduler_type: linear',
    'experiments:',
    `  - name: first`,
    `    <<: *defaults`,
    `    lr_scheduler_type: ${scheduler}`,
  ];
  const parts = [head.join('\n')];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const text = experiment(i);
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n') + '\n';
}

/** A model card of about `bytes` characters, most of them in a model-index of many results. */
export function cardText(bytes, bodyWord = 'baseline') {
  const front = [
    '---',
    'license: apache-2.0',
    'language: [en]',
    'library_name: transformers',
    'pipeline_tag: text-classification',
    'tags: [text-classification, benchmark]',
    'datasets: [glue]',
    'metrics: [accuracy, f1]',
    'model-index:',
    '- name: bench-model',
    '  results:',
  ];
  const body = [
    '---',
    '',
    '# bench-model',
    '',
    `A ${bodyWord} text classifier fine-tuned from a BERT-style encoder.`,
    '',
    '## Intended uses',
    '',
    'Sorting support tickets by topic. Inputs: English text up to 512 tokens. Outputs: one of 12 labels with a score.',
    '',
    '## Training data',
    '',
    'Trained on the GLUE tasks listed in the metadata.',
    '',
    '## Evaluation',
    '',
    '| task | accuracy |',
    '|---|---|',
    '| sst2 | 0.93 |',
    '',
    '## Hardware',
    '',
    'Trained for 3 hours on one NVIDIA A100 80GB; inference takes 4 ms per example on the same GPU.',
    '',
    '## Limitations',
    '',
    'Fails on code-switched text and on inputs longer than 512 tokens (they are truncated).',
    '',
  ].join('\n');
  const results = [];
  let size = front.join('\n').length + body.length;
  for (let i = 0; size < bytes; i++) {
    const entry = [
      '  - task:',
      '      type: text-classification',
      '      name: Text Classification',
      '    dataset:',
      `      name: GLUE split ${i}`,
      '      type: glue',
      `      config: task${i % 9}`,
      '      split: validation',
      '    metrics:',
      '    - type: accuracy',
      `      value: 0.${800 + (i % 199)}`,
      '      name: Accuracy',
      '    - type: f1',
      `      value: 0.${700 + (i % 251)}`,
      '      name: F1',
    ].join('\n');
    results.push(entry);
    size += entry.length + 1;
  }
  return [...front, ...results, body].join('\n');
}
