import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configForFile, isIgnored } from '../../server/src/core/configForFile';
import { parseProjectConfig, type ProjectConfig } from '../../server/src/core/projectConfig';
import { checkText } from '../support/check';

const SETTINGS = `profile: minimal
rules:
  empty-value: error
  link-broken: off
ignore:
  - templates/**
  - vendor
  - "**/*.draft.md"
overrides:
  - files: legacy/**
    profile: huggingface
    rules:
      empty-value: off
      unknown-key: off
  - files: [legacy/keep/**, other/README.md]
    rules:
      empty-value: warning
      link-broken: warning
`;

function read(text: string): ProjectConfig {
  const { config, problems } = parseProjectConfig(text, '/repo/.cardwright.yaml');
  assert.deepEqual(problems, []);
  return config;
}

describe('ignore: and overrides: in .cardwright.yaml', () => {
  it('reads both, a single glob as a list, `off` as YAML 1.1 writes it', () => {
    const config = read(SETTINGS + '  - files: "*.md"\n    rules:\n      deprecated: off\n');
    assert.deepEqual(config.ignore, ['templates/**', 'vendor', '**/*.draft.md']);
    assert.deepEqual(
      config.overrides?.map((entry) => entry.files),
      [['legacy/**'], ['legacy/keep/**', 'other/README.md'], ['*.md']],
    );
    const yaml11 = read('overrides:\n  - files: a/**\n    rules:\n      empty-value: false\n');
    assert.deepEqual(yaml11.overrides?.[0]?.rules, { 'empty-value': 'off' });
  });

  it('reports broken entries on the file and keeps the rest', () => {
    const text =
      'ignore: [""]\noverrides:\n  - rules: {empty-value: off}\n  - files: a/**\n    rules:\n      empty-valu: off\n';
    const { config, problems } = parseProjectConfig(text, '/repo/.cardwright.yaml');
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(
      problems[2]!,
      /"overrides\[1\]\.rules\.empty-valu" is not a Cardwright diagnostic code.*"empty-value"/,
    );
    assert.deepEqual(config.overrides, [{ files: ['a/**'], rules: {} }]);
  });

  it('ignores files by glob relative to the settings folder; a folder covers what is under it', () => {
    const config = read(SETTINGS);
    assert.equal(isIgnored(config, '/repo/templates/model/README.md'), true);
    assert.equal(isIgnored(config, '/repo/vendor/x/y/README.md'), true);
    assert.equal(isIgnored(config, '/repo/models/a/card.draft.md'), true);
    assert.equal(isIgnored(config, '/repo/models/a/README.md'), false);
    assert.equal(isIgnored(config, '/repo/models/vendor.md'), false);
    assert.equal(isIgnored(config, '/elsewhere/templates/README.md'), false, 'not below the settings file');
    assert.equal(isIgnored(config, undefined), false, 'an unsaved editor');
    assert.equal(isIgnored({ rules: {}, ignore: ['**'] }, '/repo/README.md'), false, 'no settings file, no base');
  });

  it('applies overrides in order over the top-level settings: rules merged, a later entry wins', () => {
    const config = read(SETTINGS);
    assert.equal(configForFile(config, '/repo/models/a/README.md'), config, 'no override applies');
    const legacy = configForFile(config, '/repo/legacy/a/README.md');
    assert.equal(legacy.profile, 'huggingface');
    assert.deepEqual(legacy.rules, { 'empty-value': 'off', 'link-broken': 'off', 'unknown-key': 'off' });
    const kept = configForFile(config, '/repo/legacy/keep/README.md');
    assert.equal(kept.profile, 'huggingface', 'from the first entry');
    assert.deepEqual(kept.rules, { 'empty-value': 'warning', 'link-broken': 'warning', 'unknown-key': 'off' });
    const other = configForFile(config, '/repo/other/README.md');
    assert.equal(other.profile, 'minimal');
    assert.deepEqual(other.rules, { 'empty-value': 'warning', 'link-broken': 'warning' });
  });

  it('changes what a check reports: a profile override and a rule override', () => {
    const config = read('profile: release\noverrides:\n  - files: legacy/**\n    profile: minimal\n');
    const card = '---\nlicense: mit\n---\n# Model Card for x\n\n## Uses\n\nFor demos.\n\n## Limitations\n\nMany.\n';
    const missing = (path: string): number =>
      checkText(card, { path, config: configForFile(config, path) }).diagnostics.filter(
        (d) => d.code === 'section-missing',
      ).length;
    assert.ok(missing('/repo/models/README.md') > 0);
    assert.equal(missing('/repo/legacy/README.md'), 0, 'minimal: intended use and limitations are there');
  });
});
