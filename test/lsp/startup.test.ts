import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Commands } from '../../server/src/lsp/protocol';
import { LspClient, SERVER } from '../support/lspClient';

// dist/server.js answers `initialize` from a small bundle and loads the checking code
// (dist/server-core.js) once the answer is written: a short cold start, the same behaviour.
describe('language server start-up', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cardwright-startup-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('starts from a small bundle: the checking code is in dist/server-core.js', () => {
    const entry = readFileSync(SERVER, 'utf8');
    const core = readFileSync(join(SERVER, '..', 'server-core.js'), 'utf8');
    assert.ok(entry.length * 3 < core.length, `dist/server.js is ${entry.length} bytes, server-core.js ${core.length}`);
    assert.ok(entry.includes('server-core.js'));
  });

  for (const pull of [false, true]) {
    it(`answers initialize with every capability, then checks (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
      const client = await LspClient.start({ root, pull });
      try {
        const capabilities = client.initializeResult.capabilities;
        assert.equal('diagnosticProvider' in capabilities, pull);
        assert.deepEqual(capabilities.executeCommandProvider?.commands, Object.values(Commands));
        assert.ok(capabilities.codeActionProvider && capabilities.hoverProvider && capabilities.codeLensProvider);
        assert.equal(client.initializeResult.serverInfo?.name, 'cardwright');
        // Sent at once: the core has loaded before the next message is handled.
        const uri = await client.open(join(root, 'README.md'), '---\nlicense: apache2\n---\n# tiny\n');
        const codes = pull
          ? (await client.pull(uri)).map((d) => d.code)
          : (await client.waitForPublished(uri, (p) => p.diagnostics.length > 0)).diagnostics.map((d) => d.code);
        assert.ok(
          codes.includes('schema-enum') || codes.some((code) => String(code).startsWith('license')),
          `${codes}`,
        );
      } finally {
        await client.stop();
      }
    });
  }
});
