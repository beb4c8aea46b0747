// Runs only in the untrusted launch (--untrusted / CARDWRIGHT_E2E_UNTRUSTED=1): the folder opens
// in Restricted Mode, as it does for a user who has not trusted it.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

describe('e2e smoke (untrusted folder)', () => {
  it('opens the folder untrusted, without a blocking prompt', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, process.env.CARDWRIGHT_E2E_WORKSPACE);
  });

  it('still opens workspace files in Restricted Mode', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# Cardwright examples$/m);
  });
});
