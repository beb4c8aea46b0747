// The Cards view and the summary line in a real VS Code, on a copy of examples/: the tree (read
// through the extension's own `cardwright.cards.snapshot` command) lists every card and config
// with its questions, "Add Section" on a missing question edits the card through the server's
// quick-fix, and the CodeLens above the title summarises the card.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openCard, workspaceUri } from './helpers';

interface Node {
  label: string;
  description?: string;
  contextValue?: string;
  command?: { command: string; arguments?: unknown[] };
  children: Node[];
}
interface Snapshot {
  badge: number;
  selection: string[];
  message?: string;
  tree: Node[];
}

const snapshot = (): Thenable<Snapshot> => vscode.commands.executeCommand<Snapshot>('cardwright.cards.snapshot');
const child = (node: Node | undefined, label: string): Node | undefined =>
  node?.children.find((candidate) => candidate.label === label);

/** Polls the view until `accept` holds (the tree refreshes after the server's next check). */
async function snapshotWhen(accept: (snap: Snapshot) => boolean, timeoutMs = 30_000): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = await snapshot();
    if (accept(snap)) return snap;
    if (Date.now() > deadline) throw new Error(`the Cards view never matched: ${JSON.stringify(snap, null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const modelCard = (snap: Snapshot): Node | undefined =>
  child(
    snap.tree.find((folder) => folder.label === 'sentiment-model'),
    'README.md',
  );

describe('Cards view and summary line', () => {
  it('lists the cards and configs of the workspace by folder, with their questions and counts', async () => {
    // The view alone activates the extension (onView): activate it as opening the view would.
    await vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'cardwright')?.activate();
    const snap = await snapshotWhen((s) => s.tree.length >= 2);
    assert.deepEqual(
      snap.tree.map((folder) => [folder.label, folder.children.map((card) => card.label)]),
      [
        ['reviews-dataset', ['README.md']],
        ['sentiment-model', ['README.md', 'train.yaml']],
      ],
    );
    assert.equal(snap.badge, 2, 'the model card and the training config have errors');
    const card = modelCard(snap)!;
    assert.match(card.description ?? '', /^model card · 7\/8 · 3 errors$/);
    const uses = child(card, 'Uses')!;
    assert.equal(uses.contextValue, 'cardwright.concept.answered');
    assert.match(uses.description ?? '', /^heading, line \d+: Uses$/);
    assert.equal(uses.command?.command, 'vscode.open');
    assert.equal(uses.command?.arguments?.[0], workspaceUri('sentiment-model', 'README.md').toString());
    const hardware = child(card, 'Hardware')!;
    assert.deepEqual([hardware.contextValue, hardware.description], ['cardwright.concept.missing', 'missing']);
    assert.ok(child(card, 'No linked run'), 'the model card links no run yet');
    assert.ok(card.children.some((node) => node.label === '3 errors, 3 warnings'));
    const dataset = snap.tree[0]!.children[0]!;
    assert.ok(dataset.children.every((node) => node.contextValue !== 'cardwright.concept.missing'));
  });

  it('adds a missing section with the inline action and shows it answered', async () => {
    const uri = workspaceUri('sentiment-model', 'README.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>('cardwright.cards.addSection', {
      uri: uri.toString(),
      concept: 'hardware',
      heading: 'Hardware',
      question: 'what hardware it was trained on',
    });
    assert.equal(applied, true);
    assert.match(document.getText(), /^## Hardware/m);
    const snap = await snapshotWhen(
      (s) => child(modelCard(s), 'Hardware')?.contextValue === 'cardwright.concept.answered',
    );
    assert.match(modelCard(snap)!.description ?? '', /8\/8/);
    // Put the card back for the other suites.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await snapshotWhen((s) => child(modelCard(s), 'Hardware')?.contextValue === 'cardwright.concept.missing');
  });

  it('puts a summary line above the title, each part a command', async () => {
    const editor = await openCard('sentiment-model', 'README.md');
    const uri = editor.document.uri;
    let lenses: vscode.CodeLens[] = [];
    for (let i = 0; i < 100 && lenses.length < 3; i++) {
      lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      if (lenses.length < 3) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(
      lenses.map((lens) => [lens.command?.title, lens.command?.command]),
      [
        ['7/8 questions answered', 'cardwright.cards.reveal'],
        ['no linked run', 'cardwright.linkTrainingRun'],
        ['3 errors, 3 warnings', 'workbench.actions.view.problems'],
      ],
    );
    const title = editor.document.lineAt(lenses[0]!.range.start.line).text;
    assert.equal(title, '# Model Card for acme/sentiment-distilbert');
    // "questions answered" focuses the card in the Cards view.
    const revealed = await vscode.commands.executeCommand<boolean>(
      lenses[0]!.command!.command,
      ...(lenses[0]!.command!.arguments ?? []),
    );
    assert.equal(revealed, true);
    // The selection comes back from the workbench asynchronously.
    let selection: string[] = [];
    for (let i = 0; i < 50 && selection.length === 0; i++) {
      selection = (await vscode.commands.executeCommand<Snapshot>('cardwright.cards.snapshot', false)).selection;
      if (selection.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(selection, [lenses[0]!.command!.arguments![0]]);
    // The launcher takes a picture of the workbench now (the README's screenshot): the card with
    // its summary line, the Cards view beside it. The pause lets it be taken before the next test.
    const shown = await vscode.window.showTextDocument(editor.document, { preserveFocus: true });
    shown.revealRange(
      new vscode.Range(lenses[0]!.range.start.line, 0, lenses[0]!.range.start.line + 20, 0),
      vscode.TextEditorRevealType.AtTop,
    );
    for (const command of ['workbench.action.closeAuxiliaryBar', 'workbench.files.action.collapseExplorerFolders']) {
      await Promise.resolve(vscode.commands.executeCommand(command)).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    console.log('cardwright-e2e-screenshot: cards-view');
    await new Promise((resolve) => setTimeout(resolve, 2500));
  });
});
