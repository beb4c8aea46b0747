// The Cards view in Restricted Mode: filled from the bundled schemas, and saying so.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

describe('Cards view (untrusted folder)', () => {
  it('lists the cards in limited mode', async () => {
    // The view alone activates the extension (onView): activate it as opening the view would.
    await vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'cardwright')?.activate();
    assert.equal(vscode.workspace.isTrusted, false);
    let snap: { badge: number; message?: string; tree: { label: string }[] } = { badge: 0, tree: [] };
    for (let i = 0; i < 100 && snap.tree.length < 2; i++) {
      snap = await vscode.commands.executeCommand('cardwright.cards.snapshot');
      if (snap.tree.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(
      snap.tree.map((folder) => folder.label),
      ['reviews-dataset', 'sentiment-model'],
    );
    assert.match(snap.message ?? '', /Restricted Mode/);
  });
});
