import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findConceptEvidence, namesConcept } from '../../server/src/core/conceptMatch';
import { headingWords } from '../../server/src/core/phraseMatcher';
import { requiredConcepts } from '../../server/src/core/conceptProfiles';
import { findConceptDefinition, type CardKind, type Concept } from '../../server/src/core/concepts';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../server/src/core/projectConfig';

function concept(kind: CardKind, id: string): Concept {
  const found = findConceptDefinition(kind, id);
  assert.ok(found, `${kind} concept ${id}`);
  return found;
}

function doc(text: string, kind: CardKind = 'model-card'): ParsedDocument {
  return new ParsedDocument({ uri: '/w/README.md', fileName: 'README.md', version: 1, text }, { kind });
}

/** The ids of the `kind` concepts the card answers. */
function answered(text: string, kind: CardKind = 'model-card'): string[] {
  const parsed = doc(text, kind);
  return requiredConcepts(DEFAULT_CONFIG, kind)
    .filter((c) => findConceptEvidence(parsed, c))
    .map((c) => c.id);
}

describe('concept matching', () => {
  it('reads headings as words: case, punctuation, &, emoji and a trailing [optional] aside', () => {
    assert.deepEqual(headingWords('Bias, Risks & Limitations [optional]'), ['bias', 'risks', 'and', 'limitations']);
    assert.deepEqual(headingWords('⚠️ Out-of-Scope Use:'), ['out', 'of', 'scope', 'use']);
    assert.deepEqual(headingWords('Funded by [optional]:'), ['funded', 'by']);
  });

  it('knows the template headings the issue names', () => {
    const model = (id: string, heading: string): boolean => namesConcept(heading, concept('model-card', id));
    const dataset = (id: string, heading: string): boolean => namesConcept(heading, concept('dataset-card', id));
    assert.ok(model('limitations', 'Bias, Risks, and Limitations'));
    assert.ok(model('limitations', 'Caveats and Recommendations'));
    assert.ok(model('intended-use', 'Intended uses & limitations'));
    assert.ok(model('limitations', 'Intended uses & limitations'), 'one heading, two concepts');
    assert.ok(model('hardware', 'Hardware'));
    assert.ok(model('hardware', 'Compute Infrastructure'));
    assert.ok(model('hardware', 'Speeds, Sizes, Times [optional]'));
    assert.ok(model('inputs', 'Inputs and outputs') && model('outputs', 'Inputs and outputs'));
    assert.ok(dataset('limitations', 'Other Known Limitations'));
    assert.ok(dataset('uses', 'Supported Tasks and Leaderboards'));
    assert.ok(!model('intended-use', 'How to use'), '"use" alone is whole-heading only');
    assert.ok(!model('intended-use', 'Terms of Use'));
    assert.ok(model('getting-started', 'How to use'));
  });

  it('finds a concept under any heading level, in labelled lines, and in front matter', () => {
    const template = `# Model Card for x

## Technical Specifications

### Compute Infrastructure

#### Hardware

One T4.

## Model Details

- **Input:** text
- **Output:** a label
`;
    assert.deepEqual(answered(template), ['inputs', 'outputs', 'hardware']);
    assert.deepEqual(
      answered('---\nmodel-index:\n- name: x\n  results: []\ndatasets:\n- a/b\n---\n# Model Card for x\n'),
      ['training-data', 'evaluation'],
    );
    const dataset = '---\nlicense: mit\n---\n# Dataset Card for d\n\nWhat it is.\n';
    assert.deepEqual(answered(dataset, 'dataset-card'), ['summary', 'license']);
    const older = `# Dataset Card for d

## Considerations for Using the Data

### Other Known Limitations

Small.
`;
    assert.deepEqual(answered(older, 'dataset-card'), ['limitations']);
  });

  it('does not take placeholders under the title for a summary, nor text for headings', () => {
    assert.deepEqual(answered('# Dataset Card for d\n\n[More Information Needed]\n', 'dataset-card'), []);
    assert.deepEqual(answered('# Model Card for x\n\nWe discuss limitations at length.\n'), []);
  });

  it('counts a runnable example as getting-started, not a citation block', () => {
    assert.deepEqual(answered('# M\n\n```python\nprint(1)\n```\n'), ['getting-started']);
    assert.deepEqual(answered('# M\n\n```bibtex\n@misc{x}\n```\n'), []);
  });

  it('reads inputs and outputs stated in a sentence', () => {
    assert.deepEqual(answered('# M\n\nThe model takes an image as input and returns a class token.\n'), [
      'inputs',
      'outputs',
    ]);
    assert.deepEqual(answered('# M\n\nUsers must not produce harmful outputs.\n'), []);
  });
});

describe('evidence beyond headings', () => {
  it('reads a four-paragraph prose card as answering every model concept but getting-started', () => {
    const card = `# Review stars

This model is intended for ranking product reviews in English. Given a product review of up to 512 tokens, the model predicts the star rating from 1 to 5.

It was fine-tuned on the acme/reviews dataset and achieves 71.2% accuracy on its test split.

It performs poorly on sarcasm and is **not** intended for moderating people.

Training took 3 hours on a single T4.
`;
    assert.deepEqual(answered(card), [
      'intended-use',
      'inputs',
      'outputs',
      'training-data',
      'evaluation',
      'limitations',
      'hardware',
    ]);
  });

  it('counts "is not intended for" as intended use and as a limitation', () => {
    assert.deepEqual(answered('# M\n\nThe model is **not** intended for medical advice.\n'), [
      'intended-use',
      'limitations',
    ]);
  });

  it('reads the sentence CommonMark folds into an HTML block', () => {
    const card = '# M\n\n<p align="center"><img src="demo.gif"></p>\nIt can generate images based on text prompts.\n';
    assert.deepEqual(doc(card).markdown.htmlTexts, ['It can generate images based on text prompts.']);
    assert.deepEqual(answered(card), ['inputs', 'outputs']);
  });

  it('takes shape and sample-rate comments in code for inputs and outputs, not the call itself', () => {
    const code = (body: string): string[] => answered(`# M\n\n\`\`\`text\n${body}\n\`\`\`\n`);
    assert.deepEqual(code('x = load()  # (1, 3, 224, 224) image tensor'), ['inputs']);
    assert.deepEqual(code('# 16 kHz mono audio\nwave = read("a.wav")'), ['inputs']);
    assert.deepEqual(code('logits = model(x)  # shape (1, 1000)'), ['outputs']);
    assert.deepEqual(code('x = torch.randn(1, 3, 224, 224)'), []);
  });

  it('takes a task that fixes both sides as inputs and outputs; a classification task fixes neither', () => {
    const meta = (yaml: string): string[] => answered(`---\n${yaml}\n---\n# M\n`);
    assert.deepEqual(meta('pipeline_tag: text-to-image'), ['inputs', 'outputs']);
    assert.deepEqual(meta('model-index:\n- name: m\n  results:\n  - task:\n      type: automatic-speech-recognition'), [
      'inputs',
      'outputs',
      'evaluation',
    ]);
    assert.deepEqual(meta('pipeline_tag: text-classification'), []);
    assert.deepEqual(answered('---\ntask_categories: [translation]\n---\n# D\n', 'dataset-card'), ['uses']);
  });

  it('does not take a stub code block, or a usage section holding only one, for getting-started', () => {
    const stub =
      '```python\nfrom stable_baselines3 import ...\nfrom huggingface_sb3 import load_from_hub\n\n...\n```\n';
    assert.deepEqual(answered(`# M\n\n${stub}`), []);
    assert.deepEqual(answered(`# M\n\n## Usage (with Stable-baselines3)\n\nTODO: Add your code\n\n${stub}`), []);
    assert.deepEqual(answered('# M\n\n```python\n# TODO: add code\npass\n```\n'), []);
    assert.deepEqual(answered('# M\n\n## Usage\n\nRun `python infer.py photo.jpg`.\n'), ['getting-started']);
  });

  it('does not take a label whose value is a placeholder, nor placeholder prose', () => {
    assert.deepEqual(answered('# M\n\n- **Hardware Type:** [More Information Needed]\n'), []);
    assert.deepEqual(answered('# M\n\n- **Hardware Type:** 1 NVIDIA T4\n'), ['hardware']);
    assert.deepEqual(answered('# M\n\nThe model is intended for [More Information Needed]\n'), []);
  });

  it('knows headings in Chinese, Japanese, Korean, French, German, Spanish, Portuguese and Russian', () => {
    const model = (id: string, heading: string): boolean => namesConcept(heading, concept('model-card', id));
    const dataset = (id: string, heading: string): boolean => namesConcept(heading, concept('dataset-card', id));
    assert.ok(dataset('summary', '数据集简介'));
    assert.ok(dataset('uses', '适用场景'));
    assert.ok(dataset('license', '许可证'));
    assert.ok(model('limitations', '局限性'));
    assert.ok(model('training-data', '训练数据'));
    assert.ok(model('getting-started', '使用方法'));
    assert.ok(model('limitations', '制限事項'));
    assert.ok(model('limitations', '한계'));
    assert.ok(model('limitations', 'Limites et biais'));
    assert.ok(model('training-data', "Données d'entraînement"));
    assert.ok(model('limitations', 'Einschränkungen'));
    assert.ok(model('training-data', 'Trainingsdaten'));
    assert.ok(model('limitations', 'Limitaciones'));
    assert.ok(model('training-data', 'Datos de entrenamiento'));
    assert.ok(model('limitations', 'Limitações'));
    assert.ok(model('limitations', 'Ограничения'));
    assert.ok(model('training-data', 'Данные для обучения'));
    assert.ok(!model('intended-use', 'Usage'), '"usage" is getting-started, not intended use');
    assert.ok(!model('getting-started', '使用场景'), 'a use scenario is not a how-to');
  });
});

describe('profiles', () => {
  const ids = (kind: CardKind, config = DEFAULT_CONFIG): string[] => requiredConcepts(config, kind).map((c) => c.id);

  it('release requires every concept; the others a subset; a list picks per kind', () => {
    assert.deepEqual(ids('model-card'), [
      'intended-use',
      'inputs',
      'outputs',
      'training-data',
      'evaluation',
      'limitations',
      'hardware',
      'getting-started',
    ]);
    assert.deepEqual(ids('dataset-card', { rules: {}, profile: 'minimal' }), ['summary', 'license']);
    assert.deepEqual(ids('dataset-card', { rules: {}, profile: 'mitchell2019' }), []);
    const custom: ProjectConfig = { rules: {}, profile: ['limitations', 'inputs', 'license'] };
    assert.deepEqual(ids('model-card', custom), ['inputs', 'limitations']);
    assert.deepEqual(ids('dataset-card', custom), ['limitations', 'license']);
  });

  it('sections.<kind>.required replaces the profile for that kind only', () => {
    const config: ProjectConfig = {
      rules: {},
      profile: 'minimal',
      sections: { 'model-card': { required: ['hardware'] } },
    };
    assert.deepEqual(ids('model-card', config), ['hardware']);
    assert.deepEqual(ids('dataset-card', config), ['summary', 'license']);
  });
});
