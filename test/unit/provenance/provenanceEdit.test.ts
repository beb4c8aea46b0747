import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import { applyEdits, provenanceEdit, type ProvenanceBlock } from '../../../server/src/core/provenance';

const BLOCK: ProvenanceBlock = {
  code: { repository: 'https://github.com/acme/sentiment', commit: '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d' },
  config: { path: 'configs/train.yaml', sha256: '9c1d'.padEnd(64, '0') },
  data: [{ id: 'stanfordnlp/imdb', revision: 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31', split: 'train' }],
  run: { tracker: 'mlflow', id: '5f1b', path: '../mlruns/0/5f1b' },
  evaluation: { metrics: { accuracy: 0.931, f1: 0.928 } },
  hardware: { accelerator: 'NVIDIA A100 80GB', count: 8 },
};

function card(text: string): ParsedDocument {
  return new ParsedDocument(
    { uri: '/w/model/README.md', fileName: 'README.md', version: 1, text },
    { kind: 'model-card' },
  );
}

/** The card's text after writing BLOCK (or `block`). */
function write(text: string, block: ProvenanceBlock = BLOCK): string {
  const doc = card(text);
  const outcome = provenanceEdit(doc, block);
  assert.equal(outcome.problem, undefined);
  return applyEdits(doc.text.text, outcome.edits ?? []);
}

/** The front matter's data, for checking the block reads back as written. */
function frontMatterData(text: string): Record<string, unknown> {
  const doc = card(text);
  assert.deepEqual(doc.yaml?.syntaxErrors, []);
  return doc.yaml?.value as Record<string, unknown>;
}

const RENDERED = [
  'provenance:',
  '  code: {repository: https://github.com/acme/sentiment, commit: 3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d}',
  `  config: {path: configs/train.yaml, sha256: 9c1d${'0'.repeat(60)}}`,
  '  data:',
  '    - {id: stanfordnlp/imdb, revision: e6281661ce1c48d982bc483cf8a173c1bbeb5d31, split: train}',
  '  run: {tracker: mlflow, id: 5f1b, path: ../mlruns/0/5f1b}',
  '  evaluation:',
  '    metrics: {accuracy: 0.931, f1: 0.928}',
  '  hardware: {accelerator: NVIDIA A100 80GB, count: 8}',
];

describe('provenanceEdit', () => {
  it('adds the block at the end of the front matter, every other byte kept (comments, order, spacing)', () => {
    const before =
      '---\n# Metadata for the Hub\nlicense: mit   # chosen by legal\n\ntags: [a, b]\npipeline_tag: text-classification\n---\n# Title\n';
    const after = write(before);
    assert.equal(
      after,
      `---\n# Metadata for the Hub\nlicense: mit   # chosen by legal\n\ntags: [a, b]\npipeline_tag: text-classification\n${RENDERED.join('\n')}\n---\n# Title\n`,
    );
    assert.deepEqual(frontMatterData(after).provenance, BLOCK);
  });

  it('replaces an existing block in place, keeping the keys around it and their comments', () => {
    const before = [
      '---',
      'license: mit',
      '# where the model came from',
      'provenance:',
      '  run: {tracker: wandb, id: old, path: wandb/run-old}',
      '  config:',
      '    path: old.yaml',
      '    sha256: abc',
      'pipeline_tag: text-classification # after the block',
      '---',
      'Body',
      '',
    ].join('\n');
    const after = write(before);
    assert.equal(
      after,
      [
        '---',
        'license: mit',
        '# where the model came from',
        ...RENDERED,
        'pipeline_tag: text-classification # after the block',
        '---',
        'Body',
        '',
      ].join('\n'),
    );
    // Written twice, the same text: linking is idempotent.
    assert.equal(write(after), after);
  });

  it('keeps CRLF line breaks and the BOM-less offsets of a CRLF card', () => {
    const before =
      '---\r\nlicense: mit # keep\r\nprovenance: {run: {tracker: mlflow, id: x, path: y}}\r\ndatasets:\r\n  - stanfordnlp/imdb\r\n---\r\n# Title\r\n';
    const after = write(before);
    assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
    assert.equal(
      after,
      `---\r\nlicense: mit # keep\r\n${RENDERED.join('\r\n')}\r\ndatasets:\r\n  - stanfordnlp/imdb\r\n---\r\n# Title\r\n`,
    );
    assert.deepEqual(frontMatterData(after).provenance, BLOCK);
  });

  it('a card with a BOM: the edit is at the BOM-less offsets the document uses', () => {
    const doc = card('\uFEFF---\nlicense: mit\n---\n');
    const outcome = provenanceEdit(doc, { run: { tracker: 'dvc', id: 'a1', path: 'project' } });
    assert.deepEqual(outcome.edits, [
      { span: { start: 17, end: 17 }, newText: 'provenance:\n  run: {tracker: dvc, id: a1, path: project}\n' },
    ]);
  });

  it('gives a card without front matter one, and fills an empty one', () => {
    const block: ProvenanceBlock = { run: { tracker: 'hf-trainer', id: 'out', path: 'out' } };
    assert.equal(
      write('# Title\n', block),
      '---\nprovenance:\n  run: {tracker: hf-trainer, id: out, path: out}\n---\n# Title\n',
    );
    assert.equal(
      write('---\n---\n# T\n', block),
      '---\nprovenance:\n  run: {tracker: hf-trainer, id: out, path: out}\n---\n# T\n',
    );
    assert.equal(
      write('---\n# only a comment\n---\n', block),
      '---\n# only a comment\nprovenance:\n  run: {tracker: hf-trainer, id: out, path: out}\n---\n',
    );
  });

  it('follows an indented front matter and quotes what YAML readers would misread', () => {
    const block: ProvenanceBlock = {
      code: { commit: '1234567', dirty: false },
      data: [{ id: 'yes', revision: '0123e45' }],
      run: { tracker: 'mlflow', id: 'a', path: 'runs/x #1', name: 'lr: 0.1' },
    };
    const after = write('---\n  license: mit\n---\n', block);
    assert.equal(
      after,
      [
        '---',
        '  license: mit',
        '  provenance:',
        '    code: {commit: "1234567", dirty: false}',
        '    data:',
        '      - {id: "yes", revision: "0123e45"}',
        '    run: {tracker: mlflow, id: a, path: "runs/x #1", name: "lr: 0.1"}',
        '---',
        '',
      ].join('\n'),
    );
    // Read back as YAML 1.1 (PyYAML, the Hub's readers) and 1.2 alike.
    const yaml = after.split('---\n')[1] ?? '';
    for (const version of ['1.1', '1.2'] as const) {
      assert.deepEqual((parse(yaml, { version }) as { provenance: unknown }).provenance, block, `YAML ${version}`);
    }
  });

  it('refuses front matter it cannot add a key to safely, saying why', () => {
    const problem = (text: string): string | undefined => provenanceEdit(card(text), BLOCK).problem;
    assert.match(problem('---\nlicense: mit\n') ?? '', /never closed/);
    assert.match(problem('---\nlicense: [mit\n---\n') ?? '', /syntax errors/);
    assert.match(problem('---\n- a\n- b\n---\n') ?? '', /not a block mapping/);
    assert.match(problem('---\n{license: mit}\n---\n') ?? '', /not a block mapping/);
    assert.match(problem('---\nprovenance: {}\nprovenance: {}\n---\n') ?? '', /more than once/);
  });
});
