/**
 * A card saved in Latin-1 on disk, through the server: Check Workspace reads it from disk, and the
 * editor opens it with U+FFFD where the bytes could not be decoded (as VS Code shows it). Both
 * get file-not-utf8; saving the file as UTF-8 clears it without an edit.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { CheckWorkspaceRequest } from '../../server/src/lsp/protocol';
import { LATIN1_CARD, LATIN1_CARD_AS_READ, latin1Bytes } from '../support/latin1';
import { LspClient } from '../support/lspClient';

describe('a card that is not UTF-8 on disk, over LSP', () => {
  const root = mkdtempSync(join(tmpdir(), 'cardwright-latin1-lsp-'));
  const path = join(root, 'README.md');
  let client: LspClient;
  before(async () => {
    writeFileSync(path, latin1Bytes(LATIN1_CARD));
    client = await LspClient.start({ root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const utf8Findings = (diagnostics: { code?: unknown; range: { start: unknown } }[]) =>
    diagnostics.filter((d) => d.code === 'file-not-utf8').map((d) => d.range.start);

  it('Check Workspace reports it at the first undecodable byte', async () => {
    const result = await client.connection.sendRequest(CheckWorkspaceRequest);
    assert.equal(result.files, 1);
    const published = await client.waitForPublished(client.uriOf(path), () => true);
    assert.deepEqual(utf8Findings(published.diagnostics), [{ line: 6, character: 20 }]);
  });

  it('open in the editor: reported, and gone once the file is saved as UTF-8', async () => {
    const uri = await client.open(path, LATIN1_CARD_AS_READ);
    const open = await client.waitForPublished(uri, (p) => p.version === 1);
    assert.deepEqual(utf8Findings(open.diagnostics), [{ line: 6, character: 20 }]);
    // The user saves with the replacement characters (VS Code writes them as UTF-8).
    writeFileSync(path, LATIN1_CARD_AS_READ);
    client.published.length = 0;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Changed }],
    });
    const saved = await client.waitForPublished(uri, (p) => p.version === 1);
    assert.deepEqual(utf8Findings(saved.diagnostics), []);
    await client.close(uri);
  });
});
