import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';

/* A diagnostic's code links to the rule page the client names (VS Code: the extension's own copy). */

const BROKEN = '---\nlicense: apache2\n---\n# Model Card for tiny\n';

describe('language server: rule page links', () => {
  it('uses the ruleDocsBase the client gives in initializationOptions', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-docs-')));
    const base = 'file:///opt/extensions/cardwright/docs/rules';
    const client = await LspClient.start({ root, pull: true, initializationOptions: { ruleDocsBase: base } });
    try {
      const diagnostics = await client.pull(await client.open(join(root, 'README.md'), BROKEN));
      const enumError = diagnostics.find((d) => d.code === 'schema-enum');
      assert.equal(enumError?.codeDescription?.href, `${base}/schema-enum.md`);
      assert.ok(diagnostics.every((d) => d.codeDescription?.href === `${base}/${String(d.code)}.md`));
    } finally {
      await client.stop();
    }
  });

  it('links to the GitHub pages without it (other editors)', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-docs-')));
    const client = await LspClient.start({ root, pull: true });
    try {
      const diagnostics = await client.pull(await client.open(join(root, 'README.md'), BROKEN));
      const enumError = diagnostics.find((d) => d.code === 'schema-enum');
      assert.equal(
        enumError?.codeDescription?.href,
        'https://github.com/cardwright/cardwright/blob/main/docs/rules/schema-enum.md',
      );
    } finally {
      await client.stop();
    }
  });
});
