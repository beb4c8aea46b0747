// Placeholder suite: proves the pipeline (workbench, extension host, workspace, editor, results
// file) without depending on Cardwright's own features. Extension tests go in more
// *.e2e.test.ts files beside this one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

// The launchers say which folder and extension they opened, so these checks can fail for real.
function fromLauncher(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through test/e2e/launch-code-server.mjs or run-electron.mjs`);
  return value;
}

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

describe('e2e smoke (trusted folder)', () => {
  it('opens exactly the workspace folder the launcher asked for', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    assert.equal(workspaceFolder().uri.fsPath, fromLauncher('CARDWRIGHT_E2E_WORKSPACE'));
  });

  it('loads the extension under development', () => {
    const path = fromLauncher('CARDWRIGHT_E2E_EXTENSION');
    const found = vscode.extensions.all.find((extension) => extension.extensionUri.fsPath === path);
    assert.ok(found, `no extension loaded from ${path}`);
  });

  it('opens a workspace file in an editor', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(editor?.document.languageId, 'markdown');
    assert.match(editor?.document.getText() ?? '', /^# Cardwright examples$/m);
  });

  it('edits and saves a workspace file', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'scratch.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('scratch\n'));
    const original = readFileSync(uri.fsPath, 'utf8');
    const document = await vscode.workspace.openTextDocument(uri);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), 'written by the e2e smoke test\n');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.equal(await document.save(), true);
      assert.equal(readFileSync(uri.fsPath, 'utf8'), 'written by the e2e smoke test\n');
    } finally {
      // Leave the folder as found (the copy is shared by the suites that run after this one).
      assert.equal(original, 'scratch\n');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('opens the folder trusted', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });
});
