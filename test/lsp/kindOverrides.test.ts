import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';

// An open file whose name says nothing is checked as the kind its `overrides:` entry gives it.
describe('language server: kind from overrides:', () => {
  let root = '';
  let client: LspClient;
  const CARD = '---\nlicense: apache2\n---\n# bert\n\nA text classifier.\n';

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cardwright-lsp-kinds-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'cards'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(
      join(root, '.cardwright.yaml'),
      'rules:\n  section-missing: off\noverrides:\n  - files: cards/*.md\n    kind: model-card\n',
    );
    client = await LspClient.start({ root, pull: true });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('checks cards/acme__bert.md as a model card, and notes/acme__bert.md as nothing', async () => {
    const card = await client.open(join(root, 'cards/acme__bert.md'), CARD);
    assert.deepEqual(
      (await client.pull(card)).map((d) => d.code),
      ['schema-enum'],
    );
    const note = await client.open(join(root, 'notes/acme__bert.md'), CARD);
    assert.deepEqual(await client.pull(note), []);
  });
});
