/**
 * No false errors: metadata the Hub accepts gets no error. One test per field where real cards
 * use a form the schemas once refused (a single string where a list is usual, values under the
 * deprecated plural keys), and did-you-mean that only suggests what is close or a known rename.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../support/check';

function datasetCard(yaml: string): ReturnType<typeof checkText>['diagnostics'] {
  return checkText(`---\n${yaml}\n---\n\n# Dataset Card for demo\n`, {
    kind: 'dataset-card',
    path: '/work/data/README.md',
  }).diagnostics;
}

function errors(yaml: string): string[] {
  return datasetCard(yaml)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

describe('single-string forms the Hub accepts: no error', () => {
  const fields: [string, string, string][] = [
    ['task_categories', 'text-classification', 'text-classfication'],
    ['task_ids', 'sentiment-classification', 'sentiment-clasification'],
    ['multilinguality', 'monolingual', 'monolingal'],
    ['size_categories', '1K<n<10K', '1K<n<10k'],
    ['annotations_creators', 'crowdsourced', 'crowdsource'],
    ['language_creators', 'found', 'fund'],
    ['source_datasets', 'original', 'originl'],
    ['language_bcp47', 'en-US', 'en-US'],
  ];
  for (const [key, value, typo] of fields) {
    it(`${key}: ${value}`, () => {
      assert.deepEqual(errors(`${key}: ${value}`), []);
      assert.deepEqual(errors(`${key}:\n- ${value}`), [], 'the list form too');
      // The single string is still validated: a value off the list is reported as for a list item.
      if (typo !== value && key !== 'source_datasets') {
        const found = datasetCard(`${key}: ${typo}`).filter((d) => d.code === 'schema-enum');
        assert.equal(found.length, 1, `${key}: ${typo}`);
        assert.match(found[0]!.message, new RegExp(`^"${key}" with value`));
      }
    });
  }

  it('the legacy per-configuration form takes a single string per configuration too', () => {
    assert.deepEqual(errors('task_categories:\n  plain_text: text-classification\n  other: [fill-mask]'), []);
  });
});

describe('deprecated plural keys: warnings that say what the rename will bring, never errors', () => {
  it('licenses: a value off the license table', () => {
    const found = datasetCard('licenses:\n- other-C-UDA');
    assert.deepEqual(
      found.filter((d) => d.severity === 'error'),
      [],
    );
    const value = found.find((d) => d.range.start.line === 2);
    assert.equal(value?.code, 'deprecated');
    assert.equal(value?.severity, 'warning');
    assert.match(
      value?.message ?? '',
      /"licenses\[0\]" with value "other-C-UDA" is not a Hub license id: once "licenses" is renamed to "license" the Hub will refuse it/,
    );
    assert.deepEqual(
      datasetCard('licenses:\n- mit').map((d) => d.code),
      ['deprecated'],
      'a valid id: only the key is deprecated',
    );
  });

  it('languages: a value that is not an ISO code', () => {
    const found = datasetCard('languages:\n- English');
    assert.deepEqual(
      found.filter((d) => d.severity === 'error'),
      [],
    );
    const value = found.find((d) => d.code === 'language-code');
    assert.equal(value?.severity, 'warning');
    assert.match(
      value?.message ?? '',
      /once "languages" is renamed to "language" the Hub will refuse it\. Did you mean "en"\?/,
    );
  });

  it('language (current key) still gets the error the Hub gives', () => {
    assert.deepEqual(
      datasetCard('language:\n- English').map((d) => `${d.code} ${d.severity}`),
      ['language-code error'],
    );
  });
});

describe('did-you-mean only when close; renames as mappings', () => {
  it('a retired task category names its replacements, not the nearest string', () => {
    const [found] = datasetCard('task_categories:\n- conditional-text-generation').filter(
      (d) => d.code === 'schema-enum',
    );
    assert.ok(found);
    assert.doesNotMatch(found.message, /unconditional-image-generation/);
    assert.match(
      found.message,
      /retired from the Hub's task list: use "text-generation" or "summarization" or "translation"/,
    );
    assert.deepEqual(found.data.suggestions, ['text-generation', 'summarization', 'translation']);
  });

  it('a sub-task that became a task category says where it goes', () => {
    const [found] = datasetCard('task_ids:\n- summarization').filter((d) => d.code === 'schema-enum');
    assert.ok(found);
    assert.doesNotMatch(found.message, /lemmatization/);
    assert.match(found.message, /It is a value of "task_categories" now: move it there as "summarization"/);
  });

  it('typos still get their suggestion', () => {
    const [typo] = datasetCard('task_categories:\n- text-clasification').filter((d) => d.code === 'schema-enum');
    assert.match(typo?.message ?? '', /Did you mean "text-classification"\?/);
    const license = checkText('---\nlicense: apache2\n---\n# M\n').diagnostics.find((d) => d.code === 'schema-enum');
    assert.match(license?.message ?? '', /Did you mean "apache-2\.0"\?/);
  });

  it('a far-off value gets no suggestion', () => {
    const [far] = datasetCard('task_ids:\n- protein-folding-prediction').filter((d) => d.code === 'schema-enum');
    assert.ok(far);
    assert.doesNotMatch(far.message, /Did you mean/);
  });
});

describe('an unrendered template: one finding, not one error per variable', () => {
  it('reports the {variables} once, as an error the Hub would give, and no schema-type for each', () => {
    const found = checkText(
      '---\nlanguage:\n- {lang_0}\n- {lang_1}\nlicense: {license}\npretty_name: {pretty_name}\ntask_categories:\n- {task_0}\n---\n\n# Dataset Card for demo\n',
      { kind: 'dataset-card', path: '/work/data/README.md', config: { rules: {} } },
    ).diagnostics.filter((d) => d.code !== 'section-missing');
    assert.deepEqual(
      found.map((d) => `${d.code} ${d.severity}`),
      ['placeholder-text error'],
    );
    assert.match(
      found[0]!.message,
      /still the template: \{lang_0\} and 4 more placeholders.*The Hub refuses metadata with unrendered \{variables\}/,
    );
    assert.equal(found[0]!.related?.length, 4);
  });

  it('a real flow mapping where a string belongs is still a schema error', () => {
    const found = datasetCard('pretty_name: {a: 1}').filter((d) => d.code === 'schema-type');
    assert.equal(found.length, 1);
  });
});
