// Restricted Mode: the extension declares `untrustedWorkspaces: limited`, so it runs and checks
// cards with its bundled schemas, and says it is in limited mode.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, openCard, waitForDiagnostics } from './helpers';

describe('Cardwright in VS Code (untrusted folder)', () => {
  it('checks cards with the bundled schemas in limited mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const editor = await openCard('sentiment-model', 'README.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.map(codeOf).includes('language-code'));
    assert.ok(diagnostics.map(codeOf).includes('schema-type'));
    const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'cardwright');
    assert.equal(extension?.isActive, true);
  });
});
