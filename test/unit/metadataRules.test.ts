import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, codes, coveredText } from '../support/check';
import { aliasBomb } from '../support/hostile';

const TITLE = '# Model Card for tiny\n';
const card = (yaml: string): string => `---\n${yaml}---\n${TITLE}`;

describe('schema rules', () => {
  it('accept a single string where the Hub accepts a list', () => {
    const { diagnostics } = checkText(
      card('language: en\nlicense: mit\ntags: nlp\ndatasets: imdb\nmetrics: accuracy\n'),
    );
    assert.deepEqual(codes(diagnostics), []);
  });

  it('suggest the closest license and keep the Hub wording', () => {
    const [d] = checkText(card('license: Apache-2.0\n')).diagnostics;
    assert.equal(d?.code, 'schema-enum');
    assert.equal(d?.severity, 'error');
    assert.equal(d?.message, '"license" with value "Apache-2.0" is not valid. Did you mean "apache-2.0"?');
    assert.deepEqual(d?.data.suggestions, ['apache-2.0']);
  });

  it('make an unknown library_name a warning, never an error', () => {
    const [d] = checkText(card('license: mit\nlibrary_name: transformer\n')).diagnostics;
    assert.equal(d?.code, 'schema-enum');
    assert.equal(d?.severity, 'warning');
    assert.equal((d?.data.suggestions as string[])[0], 'transformers');
  });

  it('report one type error with the accepted types when no anyOf branch fits', () => {
    const { diagnostics } = checkText(card('license: mit\nlanguage: {en: 1}\n'));
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['"language" must be one of [string, array]'],
    );
  });

  it('report problems inside the anyOf branch that matches the value type', () => {
    const { diagnostics } = checkText(card('license: [mit, apache2]\n'));
    assert.deepEqual(codes(diagnostics), ['schema-enum']);
    assert.match(diagnostics[0]!.message, /^"license\[1\]" with value "apache2"/);
  });

  it('list short enumerations in the message', () => {
    const [d] = checkText(card('license: mit\nbase_model: x/y\nbase_model_relation: finetuned\n')).diagnostics;
    assert.equal(d?.message, '"base_model_relation" must be one of [adapter, merge, quantized, finetune]');
  });
});

describe('unknown-key', () => {
  it('reports likely typos of known keys, with the key to use', () => {
    const { diagnostics } = checkText(card('licence: mit\npipline_tag: fill-mask\n'));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'unknown-key').map((d) => d.data.suggestions),
      [['license'], ['pipeline_tag']],
    );
  });

  it('leaves other extra keys alone (the Hub accepts them)', () => {
    assert.deepEqual(codes(checkText(card('license: mit\nmy_custom_field: 1\nbenchmark: x\n')).diagnostics), []);
  });
});

describe('deprecated', () => {
  it('renames plural keys and retired pipeline tags without an enum error', () => {
    const { diagnostics } = checkText(card('languages: [en]\nlicenses: [mit]\npipeline_tag: conversational\n'));
    assert.deepEqual(codes(diagnostics), ['deprecated', 'deprecated', 'deprecated']);
    assert.deepEqual(
      diagnostics.map((d) => d.data.replacement),
      ['language', 'license', 'text-generation'],
    );
  });
});

describe('language-code', () => {
  it('suggests the ISO code for regional tags and names', () => {
    const { diagnostics } = checkText(card('license: mit\nlanguage: [es-ES, zh_CN, English, noinfo]\n'));
    assert.deepEqual(
      diagnostics.map((d) => d.data.suggestions ?? []),
      [['es'], ['zh'], ['en'], []],
    );
    assert.equal(diagnostics[3]?.message.startsWith('"language[3]" with value "noinfo" is not valid.'), true);
  });

  it('accepts ISO 639-1/2/3 codes and the special values', () => {
    const { diagnostics } = checkText(card('license: mit\nlanguage: [en, fra, ger, yue, code, multilingual]\n'));
    assert.deepEqual(codes(diagnostics), []);
  });

  it('warns (not errors) on withdrawn codes the Hub still takes', () => {
    const [d] = checkText(card('license: mit\nlanguage: [jw]\n')).diagnostics;
    assert.equal(d?.severity, 'warning');
    assert.deepEqual(d?.data.suggestions, ['jv']);
  });
});

describe('dataset-id', () => {
  it('refuses local paths and URLs, suggesting the id from a Hub URL', () => {
    const { diagnostics } = checkText(
      card('license: mit\ndatasets:\n- /var/hf/images/\n- https://huggingface.co/datasets/stanfordnlp/imdb\n- imdb\n'),
    );
    assert.deepEqual(codes(diagnostics), ['dataset-id', 'dataset-id']);
    assert.equal(
      diagnostics[0]?.message,
      '"datasets[0]" with value "/var/hf/images/" is not valid. If possible, use a dataset id from https://hf.co/datasets.',
    );
    assert.deepEqual(diagnostics[1]?.data.suggestions, ['stanfordnlp/imdb']);
  });
});

describe('empty-value and license-other-incomplete', () => {
  it('report a key with nothing after it, but not an explicit null', () => {
    const { diagnostics } = checkText(card('license: mit\ntags:\npaperswithcode_id: null\n'));
    assert.deepEqual(codes(diagnostics), ['empty-value']);
  });

  it('ask for license_name and license_link with license: other', () => {
    const [d] = checkText(card('license: other\nlicense_name: acme\n')).diagnostics;
    assert.equal(d?.code, 'license-other-incomplete');
    assert.deepEqual(d?.data.missing, ['license_link']);
    assert.deepEqual(
      codes(checkText(card('license: other\nlicense_name: acme\nlicense_link: LICENSE\n')).diagnostics),
      [],
    );
  });
});

describe('YAML problems', () => {
  it('survive an alias bomb with one clear diagnostic', () => {
    const started = Date.now();
    const { diagnostics } = checkText(card(aliasBomb(7)));
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(codes(diagnostics), ['yaml-syntax']);
    assert.match(diagnostics[0]!.message, /aliases/);
  });

  it('report Python tags on a card as errors, keeping the rest of the checks', () => {
    const { diagnostics } = checkText(card('license: apache2\nextra: !!python/object/apply:os.system ["ls"]\n'));
    assert.deepEqual(codes(diagnostics), ['schema-enum', 'yaml-unsupported-tag']);
    assert.equal(diagnostics[1]?.severity, 'error');
  });

  it('report the second of two duplicate keys', () => {
    const { doc, diagnostics } = checkText(card('license: mit\ntags: [a]\nlicense: mit\n'));
    assert.deepEqual(codes(diagnostics), ['yaml-duplicate-key']);
    assert.equal(diagnostics[0]?.range.start.line, 3);
    assert.equal(coveredText(doc, diagnostics[0]!), 'license');
    assert.equal(diagnostics[0]?.data.key, 'license');
    assert.equal(doc.kind, 'model-card');
  });
});
