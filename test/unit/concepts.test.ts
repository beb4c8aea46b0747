import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findConceptEvidence, headingWords, namesConcept } from '../../server/src/core/conceptMatch';
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
