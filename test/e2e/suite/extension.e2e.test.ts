// The extension in a real VS Code, on a copy of the examples/ workspace: diagnostics arrive as
// the card is opened, a quick-fix applied through the editor's own commands removes its
// diagnostic, completion, hover and outline answer, and Check Workspace fills the Problems panel.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, codesOf, openCard, positionAfter, waitForDiagnostics, workspaceUri } from './helpers';

const CARD = ['sentiment-model', 'README.md'];

describe('Cardwright in VS Code (trusted folder)', () => {
  it('shows Hub diagnostics for the example model card as it opens', async () => {
    const editor = await openCard(...CARD);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.map(codeOf).includes('language-code'));
    const codes = diagnostics.map(codeOf);
    for (const code of ['language-code', 'dataset-id', 'schema-type', 'schema-enum'])
      assert.ok(codes.includes(code), `${code} in ${codes.join()}`);
    const language = diagnostics.find((d) => codeOf(d) === 'language-code')!;
    assert.equal(language.source, 'cardwright');
    assert.equal(language.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(language.range), 'en-US');
    const code = language.code as { target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/language-code\.md$/);
  });

  it('applies a quick-fix with executeCodeActionProvider and workspace.applyEdit', async () => {
    const editor = await openCard(...CARD);
    const uri = editor.document.uri;
    const [language] = (await waitForDiagnostics(uri, (d) => d.map(codeOf).includes('language-code'))).filter(
      (d) => codeOf(d) === 'language-code',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      language!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title === 'Change to "en"');
    assert.ok(fix?.edit, `no "Change to en" among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitForDiagnostics(uri, (d) => !d.map(codeOf).includes('language-code'));
    assert.match(editor.document.getText(), /^language: en$/m);
    assert.ok(codesOf(uri).includes('dataset-id'), 'other findings stay');
  });

  it('completes metadata values and keys with their descriptions', async () => {
    const editor = await openCard(...CARD);
    const document = editor.document;
    const values = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionAfter(document, 'pipeline_tag: '),
    );
    const labels = values.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('text-classification') && labels.includes('fill-mask'), labels.slice(0, 10).join());

    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, positionAfter(document, 'license: apache-2.0\n'), '\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionAfter(document, 'license: apache-2.0\n'),
    );
    const thumbnail = keys.items.find((item) => item.label === 'thumbnail');
    assert.ok(thumbnail, 'metadata keys are offered on an empty line');
    assert.ok(!keys.items.some((item) => item.label === 'license'), 'a key already present is not offered');
    await vscode.commands.executeCommand('undo');
  });

  it('hovers with the schema description and outlines the card', async () => {
    const editor = await openCard(...CARD);
    const document = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(1, 3),
    );
    const text = hovers
      .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
      .join('\n');
    assert.match(text, /\*\*language\*\*/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    const metadata = symbols.find((symbol) => symbol.name === 'Metadata');
    assert.ok(metadata?.children.some((child) => child.name === 'model-index'));
    assert.ok(symbols.some((symbol) => symbol.name === 'Model Card for acme/sentiment-distilbert'));
  });

  it('checks a training config: its tool schema and what a reproduction needs', async () => {
    const editor = await openCard('sentiment-model', 'train.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.map(codeOf).includes('schema-enum'));
    const enumError = diagnostics.find((d) => codeOf(d) === 'schema-enum')!;
    assert.equal(editor.document.getText(enumError.range), 'cosin');
    assert.match(enumError.message, /Did you mean "cosine"\?/);
    assert.ok(diagnostics.map(codeOf).includes('config-unpinned'));
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      positionAfter(editor.document, 'lr_scheduler_type: '),
    );
    assert.ok(completions.items.some((item) => item.label === 'cosine_with_restarts'));
  });

  it('generates an example script through a WorkspaceEdit and opens it', async () => {
    const card = workspaceUri(...CARD);
    const target = workspaceUri('sentiment-model', 'examples', 'demo_inference.py');
    const written = await vscode.commands.executeCommand<string>('cardwright.generateExample', {
      uri: card.toString(),
      path: target.path,
    });
    assert.equal(written, target.path);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, target.fsPath);
    assert.match(editor?.document.getText() ?? '', /^# cardwright: generated sha256=[0-9a-f]{64}$/m);
    assert.match(editor?.document.getText() ?? '', /acme\/sentiment-distilbert/);
    const cardText = (await vscode.workspace.openTextDocument(card)).getText();
    assert.equal(
      cardText.match(/^## How to Get Started with the Model$/gm)?.length,
      1,
      'the card already had the section: not added twice',
    );

    // A card that does not say how to run the model gets a section pointing at the script.
    const folder = workspaceUri('quick-model');
    const quickCard = vscode.Uri.joinPath(folder, 'README.md');
    await vscode.workspace.fs.writeFile(
      quickCard,
      Buffer.from(
        '---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: fill-mask\n---\n# Model Card for acme/quick\n\nA tiny model.\n',
      ),
    );
    await vscode.commands.executeCommand('cardwright.generateExample', {
      uri: quickCard.toString(),
      path: vscode.Uri.joinPath(folder, 'run.py').path,
      addSection: true,
    });
    const quickText = (await vscode.workspace.openTextDocument(quickCard)).getText();
    assert.match(quickText, /^## How to Get Started with the Model\n\n.+\n\n```sh\npython run\.py --samples 20\n```$/m);
  });

  it('creates a new model card whose only findings are its placeholders and the licence to choose', async () => {
    const folder = workspaceUri('fresh-model');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'config.json'),
      Buffer.from('{"architectures": ["BertForMaskedLM"]}'),
    );
    const path = await vscode.commands.executeCommand<string>('cardwright.newModelCard', folder.path);
    assert.equal(path, vscode.Uri.joinPath(folder, 'README.md').path);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, path);
    const diagnostics = await waitForDiagnostics(vscode.Uri.file(path), (d) => d.length > 0);
    // The licence is the author's choice: the card leaves it as a commented line (license-missing).
    assert.deepEqual([...new Set(diagnostics.map(codeOf))].sort(), ['license-missing', 'placeholder-text']);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^pipeline_tag: fill-mask$/m);
  });

  it('links a training run picked in the QuickPick, then reports drift when the config changes', async () => {
    const editor = await openCard(...CARD);
    const uri = editor.document.uri;
    // Run the command as a user would and answer its two QuickPicks with the first item. The
    // workbench has no "QuickPick shown" event, so the accept command is retried until the
    // command finishes (bounded).
    let done = false;
    const linking = Promise.resolve(
      vscode.commands.executeCommand<{ edits: unknown[] } | undefined>('cardwright.linkTrainingRun'),
    ).finally(() => {
      done = true;
    });
    for (let attempt = 0; attempt < 150 && !done; attempt++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const result = await linking;
    assert.ok(result && result.edits.length === 1, JSON.stringify(result));
    const text = editor.document.getText();
    assert.match(text, /^provenance:$/m);
    assert.match(text, /^ {2}run: \{tracker: hf-trainer, id: outputs, path: outputs\}$/m);
    assert.match(text, /^ {2}config: \{path: train\.yaml, sha256: [0-9a-f]{64}\}$/m);
    await editor.document.save();

    const config = workspaceUri('sentiment-model', 'train.yaml');
    const before = await vscode.workspace.fs.readFile(config);
    await vscode.workspace.fs.writeFile(
      config,
      Buffer.from(Buffer.from(before).toString('utf8').replace('num_train_epochs: 3', 'num_train_epochs: 4')),
    );
    const drift = await waitForDiagnostics(uri, (d) => d.map(codeOf).includes('run-config-changed'));
    assert.ok(drift.some((d) => codeOf(d) === 'run-config-changed'));
    await vscode.workspace.fs.writeFile(config, before);
    await waitForDiagnostics(uri, (d) => !d.map(codeOf).includes('run-config-changed'));
  });

  it('leaves a README that is not a card alone', async () => {
    const readme = await openCard('README.md');
    const card = await openCard(...CARD);
    // The server answers in order: once the card has results, the README's are final.
    await waitForDiagnostics(card.document.uri, (d) => d.length > 0);
    assert.deepEqual(codesOf(readme.document.uri), []);
  });

  it('checks the whole workspace into the Problems panel', async () => {
    const dataset = workspaceUri('reviews-dataset', 'README.md');
    assert.ok(
      !vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === dataset.toString()),
      'the dataset card is not open',
    );
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>(
      'cardwright.checkWorkspace',
    );
    assert.ok(result && result.files >= 1, JSON.stringify(result));
    const diagnostics = await waitForDiagnostics(dataset, (d) => d.length > 0);
    assert.ok(diagnostics.map(codeOf).includes('deprecated'), diagnostics.map(codeOf).join());
  });
});
