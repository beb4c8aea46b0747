import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif } from '../../server/src/cli/format/sarif';
import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import { quickFixes } from '../../server/src/core/fixes';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { sameLicence } from '../../server/src/core/rules/licenseMismatchRules';
import { templateInstruction } from '../../server/src/core/rules/templateInstructionRules';
import { findCodeStub } from '../../server/src/core/placeholders';
import { toLspDiagnostics } from '../../server/src/lsp/convert';
import { checkText, coveredText, type CheckTextOptions } from '../support/check';
import { applyEdits } from '../support/edits';

/** The diagnostics of one code as covered text, checked as the CLI does with no settings file. */
function findings(text: string, code: string, options: CheckTextOptions = {}) {
  const { doc, diagnostics } = checkText(text, { config: DEFAULT_CONFIG, ...options });
  const matching = diagnostics.filter((d) => d.code === code);
  return { doc, covered: matching.map((d) => coveredText(doc, d)), diagnostics: matching };
}

const META = '---\nlicense: mit\npipeline_tag: text-classification\n---\n';

describe('model-index-incomplete', () => {
  const card = (results: string): string =>
    `---\nlicense: mit\nmodel-index:\n- name: tiny\n${results}---\n# Model Card for tiny\n`;

  it('reports a result without dataset, empty results and an entry without results', () => {
    const noDataset = card(
      '  results:\n  - task:\n      type: text-classification\n    metrics:\n    - type: accuracy\n      value: 0.9\n',
    );
    assert.deepEqual(findings(noDataset, 'model-index-incomplete').covered, ['task']);
    assert.deepEqual(findings(card('  results: []\n'), 'model-index-incomplete').covered, ['[]']);
    const noResults = `---\nlicense: mit\nmodel-index:\n- name: tiny\n---\n# T\n`;
    assert.deepEqual(findings(noResults, 'model-index-incomplete').covered, ['name: tiny']);
  });

  it('leaves a complete result alone, and a results key with no value to empty-value', () => {
    const complete = card(
      '  results:\n  - task:\n      type: text-classification\n    dataset:\n      type: imdb\n      name: IMDb\n    metrics:\n    - type: accuracy\n      value: 0.9\n',
    );
    assert.deepEqual(findings(complete, 'model-index-incomplete').covered, []);
    assert.deepEqual(findings(card('  results:\n'), 'model-index-incomplete').covered, []);
  });
});

describe('license-missing', () => {
  it('reports a model card without license and with license: [], not one with a licence', () => {
    assert.deepEqual(findings('---\npipeline_tag: text-classification\n---\n# T\n', 'license-missing').covered, [
      'pipeline_tag: text-classification',
    ]);
    assert.deepEqual(findings('---\nlicense: []\n---\n# T\n', 'license-missing').covered, ['[]']);
    assert.deepEqual(findings(`${META}# T\n`, 'license-missing').covered, []);
  });

  it('leaves an empty key, a card without metadata and dataset cards to other codes', () => {
    assert.deepEqual(findings('---\nlicense:\ntags: [a]\n---\n# T\n', 'license-missing').covered, []);
    assert.deepEqual(findings('# Model Card for tiny\n\nText.\n', 'license-missing').covered, []);
    const dataset = '---\ntask_categories: [text-classification]\n---\n# Dataset Card for x\n';
    assert.deepEqual(findings(dataset, 'license-missing', { kind: 'dataset-card' }).covered, []);
  });
});

describe('license-mismatch', () => {
  const card = (license: string, body: string): string =>
    `---\nlicense: ${license}\npipeline_tag: text-classification\n---\n\n# Model Card for tiny\n\n${body}\n`;

  it('reports a licence section, a "licensed under" sentence and a badge that name another licence', () => {
    const link = card(
      'cc-by-nc-4.0',
      '## License\n\n[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)',
    );
    const { covered, diagnostics } = findings(link, 'license-mismatch');
    assert.deepEqual(covered, ['CC BY-NC-ND 4.0']);
    assert.equal(diagnostics[0]?.data.stated, 'cc-by-nc-nd-4.0');
    assert.equal(diagnostics[0]?.related?.[0]?.message, "The metadata's licence: cc-by-nc-4.0.");
    assert.deepEqual(
      findings(card('mit', 'This model is licensed under the Apache License, Version 2.0.'), 'license-mismatch')
        .covered,
      ['Apache License, Version 2.0'],
    );
    assert.deepEqual(findings(card('apache-2.0', '**License:** MIT License'), 'license-mismatch').covered, [
      'MIT License',
    ]);
  });

  it('says nothing about base models, data, code, dual licences, or when one statement agrees', () => {
    const quiet = [
      card('mit', 'The base model is licensed under the Apache License 2.0.'),
      card('mit', 'The training data is released under CC BY-SA 4.0.'),
      card('cc-by-nc-4.0', '## License\n\nThe code is MIT License; the weights are CC BY-NC 4.0.'),
      card('mit', 'Released under the MIT License or Apache 2.0, at your choice.'),
      card('apache-2.0', '## License\n\nApache 2.0.\n\nSee also the MIT License of the tokenizer library.'),
      card('other', '## License\n\nMIT License.'),
      card('llama3.1', '## License\n\nLlama 3 Community License.'),
      card('mit', 'Trained with Apache 2.0 tooling.'),
    ];
    for (const text of quiet) assert.deepEqual(findings(text, 'license-mismatch').covered, [], text);
  });

  it('compares licences by family when the text gives no version', () => {
    assert.ok(sameLicence('cc-by-nc', 'cc-by-nc-4.0'));
    assert.ok(sameLicence('gpl-3.0', 'gpl'));
    assert.ok(!sameLicence('cc-by-nc-nd-4.0', 'cc-by-nc-4.0'));
    assert.ok(!sameLicence('apache-2.0', 'mit'));
  });
});

describe('template-instructions', () => {
  it('reports the legacy tagging-app line once, [Optional] values and imperatives', () => {
    const text = `---\nYAML tags:\n- copy-paste the tags obtained with the tagging app: https://github.com/huggingface/datasets-tagging\npretty_name: Add a short name for the dataset\nlicense_name: "[Optional] the licence name"\n---\n# Dataset Card for x\n`;
    assert.deepEqual(findings(text, 'template-instructions', { kind: 'dataset-card' }).covered, [
      'copy-paste the tags obtained with the tagging app',
      'Add a short name for the dataset',
      '"[Optional] the licence name"',
    ]);
  });

  it('leaves real values, widget prompts and gating prompts alone', () => {
    const text = `---\nlicense: mit\npretty_name: Add-on Reviews\ntags: [add, list]\nwidget:\n- text: Write a poem about the sea\nextra_gated_prompt: Provide your name and affiliation to get access\n---\n# T\n`;
    assert.deepEqual(findings(text, 'template-instructions').covered, []);
    assert.equal(templateInstruction('Example: fr'), 'example');
    assert.equal(templateInstruction('{license}'), undefined);
    assert.equal(templateInstruction('Describe'), undefined);
  });
});

describe('link-broken: empty and scheme-less links', () => {
  it('reports an empty link and addresses without a scheme, with a quick-fix adding it', () => {
    const text = `${META}\n# T\n\n[Paper]() and [contact](team@example.org), [site](www.example.org), [code](github.com/acme/tiny).\n\n\`[x]()\` and\n\n\`\`\`\n[y]()\n\`\`\`\n`;
    const { doc, covered, diagnostics } = findings(text, 'link-broken', { path: undefined });
    assert.deepEqual(covered, ['[Paper]()', 'team@example.org', 'www.example.org', 'github.com/acme/tiny']);
    const fixed = diagnostics.slice(1).map((d) => {
      const [fix] = quickFixes(doc, d);
      return fix ? applyEdits(doc.text.text, fix.edits).split('\n')[7] : undefined;
    });
    assert.match(fixed[0] ?? '', /\[contact\]\(mailto:team@example\.org\)/);
    assert.match(fixed[1] ?? '', /\[site\]\(https:\/\/www\.example\.org\)/);
    assert.match(fixed[2] ?? '', /\[code\]\(https:\/\/github\.com\/acme\/tiny\)/);
    assert.deepEqual(quickFixes(doc, diagnostics[0] as CardDiagnostic), []);
  });

  it('leaves file names, URLs, mailto: and anchors alone', () => {
    const text = `${META}\n# T\n\n[a](README.md) [b](https://example.org) [c](mailto:a@b.org) [d](#usage) [e](model.safetensors)\n`;
    const { covered } = findings(text, 'link-broken', {
      files: { '/work/model/README.md': '', '/work/model/model.safetensors': '' },
    });
    assert.deepEqual(covered, []);
  });
});

describe('stub code blocks', () => {
  it('finds stubs, not code', () => {
    assert.equal(findCodeStub('# TODO: add code\n', 'python')?.marker, '# TODO: add code');
    assert.equal(findCodeStub('import torch\n\n...\n', 'python')?.marker, '...');
    assert.equal(findCodeStub('# your code here\n')?.marker, '# your code here');
    assert.equal(findCodeStub('[More Information Needed]\n')?.marker, '[More Information Needed]');
    assert.equal(findCodeStub('import torch\n# TODO: tune\nmodel = torch.nn.Linear(2, 2)\n', 'python'), undefined);
    assert.equal(findCodeStub('from transformers import pipeline\n', 'python'), undefined);
    assert.equal(findCodeStub('# Install\n# pip install x\n', 'bash'), undefined);
    assert.equal(findCodeStub('a: 1\n...\n', 'yaml'), undefined);
  });
});

describe('related locations', () => {
  const text = `${META}\n# Model Card for tiny\n\nSorts reviews.\n\n## Uses\n\nSorting.\n\n## Model Details\n\n- **Developed by:** [More Information Needed]\n- **Model type:** [More Information Needed]\n`;
  const { diagnostics } = checkText(text, { config: DEFAULT_CONFIG });
  const placeholder = diagnostics.filter((d) => d.code === 'placeholder-text');

  it('go to LSP relatedInformation, with a hint at each further place', () => {
    const lsp = toLspDiagnostics('file:///work/model/README.md', placeholder);
    assert.equal(lsp.length, 2);
    assert.equal(lsp[0]?.relatedInformation?.[0]?.location.uri, 'file:///work/model/README.md');
    assert.equal(lsp[1]?.severity, 4);
    assert.deepEqual(lsp[1]?.range, placeholder[0]?.related?.[0]?.range);
  });

  it('go to JSON related and SARIF relatedLocations', () => {
    const report = { path: 'README.md', kind: 'model-card' as const, diagnostics: placeholder };
    const json = JSON.parse(formatJson([report])) as { files: { diagnostics: { related?: unknown[] }[] }[] };
    assert.equal(json.files[0]?.diagnostics[0]?.related?.length, 1);
    const sarif = JSON.parse(formatSarif([report], '0.0.0', 'file:///work/')) as {
      runs: {
        results: { relatedLocations?: { id: number; physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const related = sarif.runs[0]?.results[0]?.relatedLocations;
    assert.equal(related?.[0]?.id, 1);
    assert.equal(related?.[0]?.physicalLocation.region.startLine, 17);
  });
});
