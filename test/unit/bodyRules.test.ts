import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../server/src/core/projectConfig';
import { checkText, codes, coveredText, type CheckTextOptions } from '../support/check';

/** The diagnostics of one code, as [covered text, message] pairs, with the CLI's default settings. */
function findings(
  text: string,
  code: string,
  options: CheckTextOptions = {},
): { covered: string[]; diagnostics: CardDiagnostic[] } {
  const { doc, diagnostics } = checkText(text, { config: DEFAULT_CONFIG, ...options });
  const matching = diagnostics.filter((d) => d.code === code);
  return { covered: matching.map((d) => coveredText(doc, d)), diagnostics: matching };
}

const META = '---\nlicense: mit\npipeline_tag: text-classification\n---\n';

/** A model card answering every release concept, for tests that add one problem to it. */
const COMPLETE = `${META}
# Model Card for tiny

## Uses

Sorting reviews. **Input:** a review. **Output:** a label.

## Training Data

IMDb.

## Evaluation

Accuracy 0.9.

## Limitations

Sarcasm.

## Hardware

One T4.

## Usage

\`\`\`python
print("hi")
\`\`\`
`;

describe('section-missing', () => {
  it('reports each unanswered concept on the title, with the question and data.concept', () => {
    const text = COMPLETE.replace(/## Hardware\n\nOne T4.\n\n/, '');
    const { covered, diagnostics } = findings(text, 'section-missing');
    assert.deepEqual(covered, ['Model Card for tiny']);
    assert.deepEqual(diagnostics[0]?.data, {
      concept: 'hardware',
      heading: 'Hardware',
      question: 'what hardware the model was trained and runs on, and how fast it is',
    });
    assert.match(diagnostics[0]!.message, /does not say what hardware .*"Hardware"/);
    assert.equal(diagnostics[0]?.severity, 'warning');
  });

  it('goes on the closing --- when there is no title, then on the first line with text, never at the end', () => {
    const { covered } = findings('---\nlicense: mit\n---\n\nSome words.\n', 'section-missing', {
      kind: 'dataset-card',
    });
    assert.deepEqual(covered, ['---', '---', '---', '---']);
    // A level-2 heading after prose is not the title: the finding stays at the top of the card.
    const late = findings('---\nlicense: mit\n---\nIntro text.\n\n## Usage\n\nRun it.\n', 'section-missing', {
      kind: 'dataset-card',
    });
    assert.ok(late.covered.length > 0 && late.covered.every((text) => text === '---'), late.covered.join());
    const bare = findings('\n\nJust prose, no metadata.\n', 'section-missing', { kind: 'dataset-card' });
    assert.ok(bare.covered.length > 0 && bare.covered.every((text) => text === 'Just prose, no metadata.'));
    const empty = checkText('\n\n\n', { kind: 'dataset-card' }).diagnostics;
    assert.ok(empty.length > 0 && empty.every((d) => d.range.start.line === 0 && d.range.end.line === 0));
  });

  it('reports nothing for a complete card, and follows the profile and extra synonyms', () => {
    assert.deepEqual(codes(checkText(COMPLETE, { config: DEFAULT_CONFIG }).diagnostics), []);
    const bare = `${META}\n# Model Card for tiny\n\n## Prompt\n\nA question.\n`;
    const config: ProjectConfig = {
      rules: {},
      profile: ['inputs'],
      sections: { 'model-card': { synonyms: { inputs: ['Prompt'] } } },
    };
    assert.deepEqual(findings(bare, 'section-missing', { config }).covered, []);
    assert.equal(findings(bare, 'section-missing', { config: { rules: {}, profile: ['inputs'] } }).covered.length, 1);
    assert.deepEqual(
      findings(bare, 'section-missing', { config: { rules: { 'section-missing': 'off' } } }).covered,
      [],
    );
  });
});

describe('section-empty', () => {
  it('reports a heading with no text and no subsections, HTML comments aside, on its text', () => {
    const text = `${META}\n# Model Card for tiny\n\n## Evaluation\n\n<!-- fill me -->\n\n## Uses\n\n### Direct Use\n\nSorting.\n\n## Citation\n`;
    assert.deepEqual(findings(text, 'section-empty').covered, ['Evaluation', 'Citation']);
  });

  it('leaves a placeholder-only section to placeholder-text, and a bare title to section-missing', () => {
    assert.deepEqual(
      findings(`${META}\n# T\n\n## Results\n\n[More Information Needed]\n`, 'section-empty').covered,
      [],
    );
    assert.deepEqual(findings(`${META}\n# Model Card for tiny\n`, 'section-empty').covered, []);
  });
});

describe('heading-duplicate', () => {
  it('reports the second of two same-level siblings with the same text, not cousins', () => {
    const text = `${META}\n# T\n\n## Usage\n\nA.\n\n## usage [optional]\n\nB.\n\n## Data Fields\n\n### default\n\nC.\n\n## Data Splits\n\n### default\n\nD.\n`;
    const { covered, diagnostics } = findings(text, 'heading-duplicate');
    assert.deepEqual(covered, ['usage [optional]']);
    assert.deepEqual(diagnostics[0]?.data.first, { start: { line: 7, character: 3 }, end: { line: 7, character: 8 } });
  });
});

describe('placeholder-text', () => {
  it('reports template fillers, unrendered variables, TODO and lorem ipsum on the placeholder', () => {
    const text = `${META}\n# Model Card for {{ model_id | default("Model ID", true) }}\n\n## Results\n\n[More Information Needed].\n\n## Data\n\nTBD, todo in prose is fine.\n\n## Notes\n\nLorem ipsum dolor.\n\n\`\`\`\nTODO in code is fine\n\`\`\`\n\n<!-- TODO in a comment is fine -->\n`;
    assert.deepEqual(findings(text, 'placeholder-text').covered, [
      '{{ model_id | default("Model ID", true) }}',
      '[More Information Needed]',
      'TBD',
      'Lorem ipsum',
    ]);
  });

  it('reports one finding per section, the further placeholders as related locations', () => {
    const text = `${META}\n# Model Card for tiny\n\nSorts reviews.\n\n## Uses\n\nSorting reviews.\n\n## Model Details\n\n- **Developed by:** [More Information Needed]\n- **Model type:** [More Information Needed]\n- **License:** TODO\n\n## Evaluation\n\nAccuracy 0.9.\n`;
    const { covered, diagnostics } = findings(text, 'placeholder-text');
    assert.deepEqual(covered, ['[More Information Needed]']);
    const [finding] = diagnostics;
    assert.match(
      finding?.message ?? '',
      /Section "Model Details" still holds template placeholders: .* and 2 more \(3 in all/,
    );
    assert.equal(finding?.data.occurrences, 3);
    assert.equal(finding?.data.markRelated, true);
    assert.deepEqual(
      finding?.related?.map((item) => [item.range.start.line, item.message]),
      [
        [16, 'Also unfilled: "[More Information Needed]".'],
        [17, 'Also unfilled: "TODO".'],
      ],
    );
  });

  it('gives a card that is mostly template one finding per top-level section', () => {
    const text = `${META}\n# Model Card for tiny\n\n## Uses\n\n### Direct Use\n\n[More Information Needed]\n\n### Out-of-Scope Use\n\n[More Information Needed]\n\n## Training Details\n\n### Training Data\n\n[More Information Needed]\n\n### Training Procedure\n\n[More Information Needed]\n\n## Evaluation\n\nAccuracy 0.9.\n`;
    const { diagnostics } = findings(text, 'placeholder-text');
    assert.deepEqual(
      diagnostics.map((d) => [d.data.section, d.related?.length]),
      [
        ['Uses', 1],
        ['Training Details', 1],
      ],
    );
  });

  it('reports a code block that is only a stub, once per block, and not real code with a TODO', () => {
    const text = `${META}\n# Model Card for tiny\n\nSorts reviews.\n\n## How to Get Started\n\n\`\`\`python\n# TODO: add code\n\`\`\`\n\n## Usage\n\n\`\`\`python\nfrom stable_baselines3 import ...\nfrom huggingface_sb3 import load_from_hub\n\n...\n\`\`\`\n\n## Example\n\n\`\`\`python\nfrom transformers import pipeline\n# TODO: batch it\nclassifier = pipeline("text-classification", model="acme/tiny")\n\`\`\`\n\n\`\`\`python\nimport torch\n\`\`\`\n\n\`\`\`yaml\nkey: value\n...\n\`\`\`\n`;
    const { covered, diagnostics } = findings(text, 'placeholder-text');
    assert.deepEqual(covered, ['# TODO: add code', 'from stable_baselines3 import ...']);
    assert.ok(diagnostics.every((d) => d.data.stub === true && !d.related));
  });

  it('groups the placeholders of metadata by key, and a template front matter into one', () => {
    const some = `---\nlicense: mit\npipeline_tag: text-classification\nlanguage: en\ntags:\n- "[More Information Needed]"\n- TODO\n---\n# T\n\nText.\n`;
    assert.deepEqual(
      findings(some, 'placeholder-text').diagnostics.map((d) => d.related?.length),
      [1],
    );
    const template = `---\nlanguage:\n- {lang_0}\n- {lang_1}\nlicense: {license}\ntags:\n- {tag_0}\npretty_name: Real\n---\n# T\n\nText.\n`;
    const { covered, diagnostics } = findings(template, 'placeholder-text');
    assert.deepEqual(covered, ['{lang_0}']);
    assert.match(diagnostics[0]?.message ?? '', /^The metadata is still the template/);
    assert.equal(diagnostics[0]?.related?.length, 3);
  });

  it('reports placeholders in metadata values and {x} template fields, not BibTeX braces', () => {
    const text = `---\nlicense: {license}\nlanguage:\n- {lang_0}\nmodel_name: "[More Information Needed]"\npipeline_tag: text-classification\ntags: [a]\nlibrary_name: transformers\n---\n# T\n\nSee {{Title: Sub}} in the paper.\n`;
    assert.deepEqual(findings(text, 'placeholder-text').covered, [
      '{license}',
      '{lang_0}',
      '"[More Information Needed]"',
    ]);
  });
});

describe('speed-without-hardware', () => {
  it('reports each latency or throughput figure when no hardware is stated', () => {
    const text = `${META}\n# T\n\nRuns at 35 ms per review, 1,200 tokens/s, 0.2 s per image and 200 QPS; 3 seconds to read.\n`;
    assert.deepEqual(findings(text, 'speed-without-hardware').covered, [
      '35 ms',
      '1,200 tokens/s',
      '0.2 s per image',
      '200 QPS',
    ]);
  });

  it('is satisfied by a hardware section, a Hardware Type line or a named machine in prose', () => {
    const figure = 'Runs at 35 ms per review';
    for (const stated of ['## Hardware\n\nA laptop.', '- **Hardware Type:** laptop', 'on one A100.', 'on a CPU.']) {
      assert.deepEqual(findings(`${META}\n# T\n\n${figure}.\n\n${stated}\n`, 'speed-without-hardware').covered, []);
    }
    assert.deepEqual(
      findings(`${META}\n# T\n\n\`\`\`\nlatency: 35 ms\n\`\`\`\n`, 'speed-without-hardware').covered,
      [],
      'code is not scanned',
    );
  });
});

describe('link-broken', () => {
  const path = '/repo/model/README.md';
  const text = `---\nlicense: other\nlicense_name: x\nlicense_link: 'LICENSE.md'\n---\n# T\n\n[ok](docs/usage.md#run), [gone](docs/old%20notes.md), ![img](../shared/plot.png), [up](../README.md), [site](/datasets/x), [web](https://x.org/a.md), [mail](mailto:a@b.c), [anchor](#t)\n`;

  it('reports relative links and license_link to missing files, on the target, never URLs', () => {
    const files = { '/repo/model/docs/usage.md': '', '/repo/README.md': '' };
    const { covered, diagnostics } = findings(text, 'link-broken', { path, files });
    assert.deepEqual(covered, ['LICENSE.md', 'docs/old%20notes.md', '../shared/plot.png']);
    assert.equal(diagnostics[1]?.data.resolved, '/repo/model/docs/old notes.md');
  });

  it('checks dataset data_files paths, and the literal folder of a glob', () => {
    const card = `---\nlicense: mit\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train.csv\n  - split: test\n    path: [data/test.csv, "shards/*.parquet"]\n- config_name: all\n  data_files: "data/*.csv"\n---\n# Dataset Card for d\n`;
    const files = { '/repo/d/data/train.csv': '' };
    const { covered } = findings(card, 'link-broken', { path: '/repo/d/README.md', files, kind: 'dataset-card' });
    assert.deepEqual(covered, ['data/test.csv', 'shards/*.parquet']);
  });
});
