import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { quickFixes } from '../../server/src/core/fixes';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { findCandidateFiles } from '../../server/src/core/workspace/scan';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { checkText, schemas } from '../support/check';
import { applyEdits } from '../support/edits';
import { memoryFileSystem } from '../support/memoryFileSystem';

function fixText(text: string, code: string, path = '/work/run/config.yaml'): string {
  const fs = memoryFileSystem({ [path]: text });
  const doc = new ParsedDocument({ uri: path, fileName: path.split('/').pop()!, version: 1, text });
  const diagnostic = checkDocument(doc, { schemas, fs, path, config: DEFAULT_CONFIG }).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code}`);
  return applyEdits(text, quickFixes(doc, diagnostic)[0]!.edits);
}

describe('fixes found in review', () => {
  it('fills an empty seed after the colon, keeping a comment a comment', () => {
    const tune = (seed: string): string =>
      `model:\n  _component_: torchtune.models.x\n${seed}\ndtype: bf16\ndevice: cuda\n`;
    assert.match(fixText(tune('seed:'), 'config-no-seed'), /^seed: 42$/m);
    assert.match(fixText(tune('seed: # pick one'), 'config-no-seed'), /^seed: 42 # pick one$/m);
  });

  it('fills a required key that is present but empty instead of adding it twice', () => {
    const text = '---\nlicense: mit\nmodel-index:\n- name:\n  results: []\n---\n# Model Card for x\n';
    const { doc, diagnostics } = checkText(text);
    const required = diagnostics.find((d) => d.code === 'schema-required');
    const fixed = applyEdits(text, quickFixes(doc, required!)[0]!.edits);
    assert.match(fixed, /^- name: TODO$/m);
    assert.equal(fixed.match(/name:/g)?.length, 1);
    const empty = diagnostics.find((d) => d.code === 'empty-value');
    assert.deepEqual(empty ? quickFixes(doc, empty) : [], [], 'removing `- name:` would turn the list into a mapping');
  });

  it('adds a section on its own line when the card ends at the closing fence', () => {
    const text = '---\nlicense: mit\n---';
    const config = { ...DEFAULT_CONFIG, profile: ['limitations'] as never };
    const { doc, diagnostics } = checkText(text, { config });
    const missing = diagnostics.find((d) => d.code === 'section-missing');
    const fixed = applyEdits(text, quickFixes(doc, missing!)[0]!.edits);
    assert.match(fixed, /^---\n## Bias, Risks, and Limitations/m);
  });

  it('does not follow symbolic links when scanning folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'cardwright-links-'));
    mkdirSync(join(root, 'm'));
    writeFileSync(join(root, 'm', 'README.md'), '---\npipeline_tag: fill-mask\n---\n# Model Card for m\n');
    symlinkSync('..', join(root, 'm', 'up'));
    assert.deepEqual(findCandidateFiles(nodeFileSystem, root), [`${root}/m/README.md`]);
  });

  it('treats JSON nested too deep to parse as not a config', () => {
    const text = '['.repeat(20000) + ']'.repeat(20000);
    const doc = new ParsedDocument({ uri: '/x/deep.json', fileName: 'deep.json', version: 1, text });
    assert.equal(doc.kind, 'other');
  });
});
