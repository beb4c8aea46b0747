import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import configSchema from '../../schemas/cardwright-config.schema.json';
import { PROFILE_NAMES } from '../../server/src/core/conceptProfiles';
import { CONCEPTS } from '../../server/src/core/concepts';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { parseProjectConfig, ProjectConfigResolver } from '../../server/src/core/projectConfig';
import { RULE_CODES } from '../../server/src/core/rules';
import { schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';

/** Checks `.cardwright.yaml` text as the CLI does, returning [code, covered text, message] rows. */
function checkConfig(text: string): [string, string, string][] {
  const doc = new ParsedDocument({ uri: '/w/.cardwright.yaml', fileName: '.cardwright.yaml', version: 1, text });
  assert.equal(doc.kind, 'project-config');
  const fs = memoryFileSystem({ '/w/.cardwright.yaml': text });
  return checkDocument(doc, { schemas, fs, path: '/w/.cardwright.yaml' }).map((d) => [
    d.code,
    text.slice(doc.text.offsetAt(d.range.start), doc.text.offsetAt(d.range.end)),
    d.message,
  ]);
}

const FULL = `profile: huggingface
rules:
  section-missing: warning
  placeholder-text: off
  link-broken: "off"
sections:
  model-card:
    required: [intended-use, limitations]
    synonyms:
      limitations: [Known failure cases]
  dataset-card:
    required: [summary]
schemas:
  - schema: ./schemas/train.schema.json
    files: ["configs/*.yaml"]
`;

describe('.cardwright.yaml', () => {
  it('reads every setting', () => {
    const { config, problems } = parseProjectConfig(FULL, '/w/.cardwright.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      source: '/w/.cardwright.yaml',
      rules: { 'section-missing': 'warning', 'placeholder-text': 'off', 'link-broken': 'off' },
      profile: 'huggingface',
      sections: {
        'model-card': { required: ['intended-use', 'limitations'], synonyms: { limitations: ['Known failure cases'] } },
        'dataset-card': { required: ['summary'] },
      },
      schemas: [{ schema: './schemas/train.schema.json', files: ['configs/*.yaml'] }],
    });
    assert.deepEqual(checkConfig(FULL), []);
  });

  it('accepts `off` as YAML 1.1 readers write it (false)', () => {
    assert.deepEqual(parseProjectConfig('rules:\n  link-broken: false\n').config.rules, { 'link-broken': 'off' });
  });

  it('reports each broken setting on the file and keeps the rest', () => {
    const text = `profile: relase
rules:
  section-mising: off
  placeholder-text: loud
  link-broken: off
sections:
  model-card:
    required: [inputs, summary]
schemas:
  - schema: x.json
colour: red
`;
    assert.deepEqual(
      checkConfig(text).map(([code, covered]) => [code, covered]),
      [
        ['config-invalid', 'relase'],
        ['config-invalid', 'section-mising'],
        ['config-invalid', 'loud'],
        ['config-invalid', 'summary'],
        ['config-invalid', 'schema: x.json'],
        ['config-invalid', 'colour'],
      ],
    );
    assert.match(checkConfig(text)[1]![2], /not a Cardwright diagnostic code.*Did you mean "section-missing"\?/);
    const { config } = parseProjectConfig(text);
    assert.deepEqual(config.rules, { 'link-broken': 'off' });
    assert.equal(config.profile, undefined, 'the default profile applies');
    assert.deepEqual(config.sections, { 'model-card': { required: ['inputs'] } });
    assert.deepEqual(config.schemas, []);
  });

  it('falls back to the defaults on a YAML syntax error or a file that is not a mapping, without a crash', () => {
    assert.deepEqual(
      checkConfig('rules: [unclosed\n').map(([code]) => code),
      ['yaml-syntax'],
    );
    assert.deepEqual(parseProjectConfig('rules: [unclosed\n').config, { rules: {} });
    assert.deepEqual(
      checkConfig('- a\n- b\n').map(([code, covered]) => [code, covered]),
      [['config-invalid', '- a\n- b']],
    );
    assert.deepEqual(parseProjectConfig('').config, { rules: {} });
  });

  it('is found nearest up from a folder, stopping at the repository root', () => {
    const fs = memoryFileSystem({
      '/.cardwright.yaml': 'rules:\n  empty-value: off\n',
      '/repo/.git/HEAD': '',
      '/repo/models/a/README.md': '',
      '/repo/models/.cardwright.yml': 'profile: minimal\n',
      '/repo/data/README.md': '',
    });
    const resolver = new ProjectConfigResolver(fs, schemas);
    assert.equal(resolver.forFolder('/repo/models/a').config.profile, 'minimal');
    assert.equal(resolver.forFolder('/repo/models/a').config.source, '/repo/models/.cardwright.yml');
    assert.deepEqual(resolver.forFolder('/repo/data').config, { rules: {} }, 'not the one above the repository');
  });

  it('has a schema that lists every code, concept and profile the engine knows', () => {
    const properties = configSchema.properties;
    assert.deepEqual(Object.keys(properties.rules.properties).sort(), [...RULE_CODES.keys()].sort());
    assert.deepEqual(properties.profile.anyOf[0]!.enum, [...PROFILE_NAMES]);
    const kinds = properties.sections.properties;
    assert.deepEqual(
      kinds['model-card'].properties.required.items.enum,
      CONCEPTS['model-card'].map((c) => c.id),
    );
    assert.deepEqual(
      kinds['dataset-card'].properties.required.items.enum,
      CONCEPTS['dataset-card'].map((c) => c.id),
    );
  });
});
