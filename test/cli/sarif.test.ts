import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { copyFixture, runCli } from '../support/cli';

/**
 * The SARIF GitHub code scanning accepts and shows well, written down as assertions from
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 * (required properties, the limits of an upload, fingerprints and rule metadata).
 */
const GITHUB_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, locationsPerResult: 1_000 };
const GITHUB_TAG_LIMIT = 20;
const LEVELS = new Set(['error', 'warning', 'note', 'none']);

let workspace = '';

function sarif(cwd: string, ...paths: string[]): Log {
  const result = runCli(['check', '--format', 'sarif', ...paths], cwd);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout) as Log;
}

function fingerprints(log: Log): string[] {
  return (log.runs[0]!.results ?? []).map((r) => JSON.stringify([r.ruleId, r.partialFingerprints]));
}

before(() => {
  workspace = copyFixture('workspace');
});

describe('SARIF for GitHub code scanning', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = sarif(workspace, '.');
    assert.equal(validate(log), true, JSON.stringify(validate.errors));
  });

  it("meets GitHub's requirements for an upload", () => {
    const log = sarif(workspace, '.');
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.ok(log.runs.length >= 1 && log.runs.length <= GITHUB_LIMITS.runsPerFile);
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    assert.equal(driver.name, 'cardwright');
    assert.match(driver.version ?? '', /^\d+\.\d+\.\d+/);
    assert.ok(driver.informationUri?.startsWith('https://'));

    // Paths: relative to %SRCROOT%, whose absolute file URI (ending in "/") is in originalUriBaseIds.
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, pathToFileURL(workspace + '/').href);
    const results = run.results ?? [];
    assert.ok(results.length > 0 && results.length <= GITHUB_LIMITS.resultsPerRun);
    const rules = driver.rules ?? [];
    assert.ok(rules.length <= GITHUB_LIMITS.rulesPerRun);
    for (const result of results) {
      assert.ok(result.ruleId, 'ruleId');
      assert.ok(result.message.text, 'message.text');
      assert.ok(result.level && LEVELS.has(result.level));
      assert.ok(result.ruleIndex !== undefined && rules[result.ruleIndex]?.id === result.ruleId, 'ruleIndex');
      const locations = result.locations ?? [];
      assert.ok(locations.length >= 1 && locations.length <= GITHUB_LIMITS.locationsPerResult);
      for (const location of [...locations, ...(result.relatedLocations ?? [])]) {
        const artifact = location.physicalLocation!.artifactLocation!;
        assert.equal(artifact.uriBaseId, '%SRCROOT%');
        assert.match(artifact.uri!, /^(?![a-z]+:)(?!\/)(?!\.\.\/)[^\\]+$/, 'a relative URI under the root');
        const region = location.physicalLocation!.region!;
        assert.ok(region.startLine! >= 1 && region.endLine! >= region.startLine!);
        assert.ok(region.startColumn! >= 1 && region.endColumn! >= 1);
      }
      // Stable fingerprints: GitHub matches alerts across runs with partialFingerprints.
      const values = Object.values(result.partialFingerprints ?? {});
      assert.equal(values.length, 1);
      assert.match(String(values[0]), /^[0-9a-f]{32}:\d+$/);
    }
    assert.deepEqual(
      [...new Set(results.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri))].sort(),
      ['models/broken/README.md'],
    );
    for (const artifact of run.artifacts ?? []) assert.equal(artifact.location?.uriBaseId, '%SRCROOT%');
  });

  it('describes every rule the way GitHub shows it, with no security-severity', () => {
    const rules: ReportingDescriptor[] = sarif(workspace, '.').runs[0]!.tool.driver.rules ?? [];
    assert.ok(rules.length > 30);
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'rule ids are unique');
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z][a-z0-9-]+$/);
      assert.ok(rule.shortDescription?.text, `${rule.id} shortDescription`);
      assert.ok(rule.fullDescription?.text, `${rule.id} fullDescription`);
      assert.ok(rule.help?.text && rule.help.markdown, `${rule.id} help`);
      assert.equal(rule.helpUri, `https://github.com/cardwright/cardwright/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(readFileSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule.id}.md`)), `${rule.id} page`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''), rule.id);
      const tags = rule.properties?.tags ?? [];
      assert.ok(tags.length >= 2 && tags.length <= GITHUB_TAG_LIMIT && tags.includes('cardwright'), rule.id);
      assert.equal(rule.properties?.['security-severity'], undefined, rule.id);
      assert.ok(!tags.includes('security'), rule.id);
    }
  });

  it('keeps fingerprints when lines are added above a finding, and changes them when its line changes', () => {
    const dir = copyFixture('workspace');
    const card = join(dir, 'models', 'broken', 'README.md');
    const before = fingerprints(sarif(dir, 'models/broken'));
    const text = readFileSync(card, 'utf8');
    // Lines added to the front matter above every finding: every line number moves, no fingerprint.
    writeFileSync(card, text.replace(/^---\r?\n/, '---\nlibrary_name: transformers\nbase_model: bert-base-uncased\n'));
    const moved = sarif(dir, 'models/broken').runs[0]!.results ?? [];
    assert.deepEqual(fingerprints(sarif(dir, 'models/broken')), before);
    assert.ok(moved.every((r: Result) => r.locations![0]!.physicalLocation!.region!.startLine! > 2));
    // Run twice, same text: same output.
    assert.deepEqual(sarif(dir, 'models/broken'), sarif(dir, 'models/broken'));
    // The language line changed (still a bad code): that finding is a new alert, the others stay.
    writeFileSync(card, readFileSync(card, 'utf8').replace('language: es-ES', 'language: fr-FR'));
    const after = fingerprints(sarif(dir, 'models/broken'));
    assert.equal(after.filter((f) => !before.includes(f)).length, 1);
    assert.equal(after.length, before.length);
  });

  it('gives two findings of one code on identical lines different fingerprints', () => {
    const dir = copyFixture('workspace');
    const card = join(dir, 'models', 'broken', 'README.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('language: es-ES\n', 'language:\n- es-ES\n- es-ES\n'));
    const results = (sarif(dir, 'models/broken').runs[0]!.results ?? []).filter((r) => r.ruleId === 'language-code');
    const values = results.map((r) => String(Object.values(r.partialFingerprints ?? {})[0]));
    assert.equal(values.length, 2);
    assert.deepEqual(
      values.map((value) => value.split(':')[1]),
      ['1', '2'],
    );
    assert.equal(values[0]!.split(':')[0], values[1]!.split(':')[0]);
  });
});
