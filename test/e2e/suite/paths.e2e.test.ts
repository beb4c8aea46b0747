// Card values never make a command read or write outside the workspace folder: a model name such
// as `../../../.bashrc` or `/etc/passwd`, a provenance block naming a file outside, and paths with
// `..` or outside the folder handed to Generate Example Script, New Card and Link Training Run.
// The workspace is a copy in a temporary folder, so "outside" is its parent, which the tests own.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openCard, workspaceUri } from './helpers';

const workspace = (): string => workspaceUri().fsPath;
const outside = (...segments: string[]): string => join(dirname(workspace()), ...segments);

async function writeWorkspaceFile(text: string, ...segments: string[]): Promise<vscode.Uri> {
  const uri = workspaceUri(...segments);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return uri;
}

/** Every file below `folder` (relative paths), to show nothing appeared there. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

describe('paths from card content stay inside the workspace (trusted folder)', () => {
  it('Generate Example Script names its script from the card, inside the card folder', async () => {
    const card = await writeWorkspaceFile(
      [
        '---',
        'license: mit',
        'library_name: transformers',
        'pipeline_tag: fill-mask',
        'base_model: ../../../.bashrc',
        'model-index:',
        '  - name: ../../../.bashrc',
        '    results: []',
        '---',
        '# Model Card for /etc/passwd',
        '',
      ].join('\n'),
      'hostile-model',
      'README.md',
    );
    const before = filesBelow(dirname(workspace()));
    // No path given: the command offers the one it derived from the card in a save dialog
    // (code-server's own, a QuickInput): accept what it offers.
    let done = false;
    const generating = Promise.resolve(
      vscode.commands.executeCommand<string | undefined>('cardwright.generateExample', {
        uri: card.toString(),
        addSection: false,
      }),
    ).finally(() => {
      done = true;
    });
    for (let attempt = 0; attempt < 100 && !done; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const written = await generating;
    assert.equal(written, workspaceUri('hostile-model', 'examples', 'bashrc_inference.py').path);
    const after = filesBelow(dirname(workspace()));
    const added = after.filter((path) => !before.includes(path));
    assert.deepEqual(
      added.filter((path) => !path.startsWith(join('examples', 'hostile-model'))),
      [],
      'nothing written outside the card folder',
    );
    const script = (await vscode.workspace.openTextDocument(vscode.Uri.file(written!))).getText();
    assert.match(script, /'\.\.\/\.\.\/\.\.\/\.bashrc'/, 'the value is a Python string literal');
  });

  it('Generate Example Script refuses a target outside the workspace, with or without `..`', async () => {
    const card = workspaceUri('sentiment-model', 'README.md');
    for (const target of [outside('escaped.py'), `${workspaceUri('sentiment-model').path}/../../escaped2.py`]) {
      const written = await vscode.commands.executeCommand<string | undefined>('cardwright.generateExample', {
        uri: card.toString(),
        path: target,
        addSection: false,
      });
      assert.equal(written, undefined, target);
    }
    assert.equal(existsSync(outside('escaped.py')), false);
    assert.equal(existsSync(outside('escaped2.py')), false);
  });

  it('New Card writes only inside the workspace', async () => {
    mkdirSync(outside('outside-folder'), { recursive: true });
    writeFileSync(outside('outside-folder', 'config.json'), '{"architectures": ["BertForMaskedLM"]}');
    for (const folder of [outside('outside-folder'), `${workspaceUri('sentiment-model').path}/../../outside-folder`]) {
      for (const command of ['cardwright.newModelCard', 'cardwright.newDatasetCard']) {
        const path = await vscode.commands.executeCommand<string | undefined>(command, folder);
        assert.equal(path, undefined, `${command} ${folder}`);
      }
    }
    assert.deepEqual(readdirSync(outside('outside-folder')), ['config.json']);
  });

  it('Link Training Run reads no run outside the workspace', async () => {
    // A real HF Trainer run, copied outside the workspace.
    await vscode.workspace.fs.copy(
      workspaceUri('sentiment-model', 'outputs'),
      vscode.Uri.file(outside('outside-run')),
      { overwrite: true },
    );
    const editor = await openCard('sentiment-model', 'README.md');
    const text = editor.document.getText();
    for (const runPath of [outside('outside-run'), `${workspaceUri('sentiment-model').path}/../../outside-run`]) {
      const result = await vscode.commands.executeCommand<{ edits: unknown[]; problem?: string } | undefined>(
        'cardwright.linkTrainingRun',
        { uri: editor.document.uri.toString(), runPath, writeMetrics: true },
      );
      assert.equal(result?.edits.length, 0, runPath);
      assert.match(result?.problem ?? '', /outside the workspace folder/);
    }
    assert.equal(editor.document.getText(), text, 'the card is unchanged');
  });

  it("the summary line's run link does not open a file outside the workspace that the card names", async () => {
    writeFileSync(outside('outside-secret.txt'), 'secret\n');
    const card = await writeWorkspaceFile(
      [
        '---',
        'license: mit',
        'provenance:',
        '  run: {tracker: mlflow, id: abc, path: ../../outside-secret.txt}',
        '---',
        '# Model Card for acme/linked-outside',
        '',
      ].join('\n'),
      'linked-outside',
      'README.md',
    );
    await openCard('linked-outside', 'README.md');
    let lens: vscode.CodeLens | undefined;
    for (let attempt = 0; attempt < 100 && !lens; attempt++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', card);
      lens = lenses.find((candidate) => candidate.command?.command === 'cardwright.openRun');
      if (!lens) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(lens?.command, 'the summary line links the run');
    assert.equal(lens.command.arguments?.[0], outside('outside-secret.txt'));
    const opened = await vscode.commands.executeCommand<boolean>(lens.command.command, ...lens.command.arguments!);
    assert.equal(opened, false);
    assert.ok(
      !vscode.workspace.textDocuments.some((doc) => doc.uri.fsPath === outside('outside-secret.txt')),
      'the file outside was not opened',
    );
  });
});
