/**
 * The client reaches the server only through the typed protocol (server/src/lsp/protocol.ts):
 * the ESLint rule in eslint.config.mjs refuses any other import of the server's sources there.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');

async function restrictedImports(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'client/src/boundaryProbe.ts') });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('client/server boundary', () => {
  it('lets the client import the protocol module', async () => {
    const code =
      "import { CheckWorkspaceRequest } from '../../server/src/lsp/protocol';\nexport const r = CheckWorkspaceRequest;\n";
    assert.deepEqual(await restrictedImports(code), []);
  });

  it('refuses any other module of the server', async () => {
    for (const module of [
      '../../server/src/core/engine',
      '../../server/src/lsp/server',
      '../../server/src/lsp/protocolx',
    ]) {
      const messages = await restrictedImports(`import * as m from '${module}';\nexport const r = m;\n`);
      assert.equal(messages.length, 1, module);
      assert.match(messages[0] ?? '', /imports nothing from the server but server\/src\/lsp\/protocol/);
    }
  });
});
