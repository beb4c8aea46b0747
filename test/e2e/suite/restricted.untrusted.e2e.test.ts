// Restricted Mode beyond what limited.untrusted covers (bundled schemas check cards): a schema
// file from the workspace is not compiled, and the diagnostic says why; nothing is written, by
// checking or by the commands that create files, which say why instead.
import * as assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { cardwrightApi, codeOf, openCard, waitForDiagnostics, workspaceUri } from './helpers';

/** Every file and folder below the workspace with its size and modification time. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(folder, name));
    entries[name] = `${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`;
  }
  return entries;
}

describe('Restricted Mode: nothing compiled, nothing written (untrusted folder)', () => {
  it('does not compile a schema file from the workspace, and says why', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // Compiled, this schema would require `epochs` (schema-required on the config below).
    await vscode.workspace.fs.writeFile(
      workspaceUri('strict-run', 'schemas', 'train.schema.json'),
      Buffer.from(
        JSON.stringify({ type: 'object', required: ['epochs'], properties: { epochs: { type: 'integer' } } }),
      ),
    );
    await vscode.workspace.fs.writeFile(
      workspaceUri('strict-run', 'custom.yaml'),
      Buffer.from('$schema: ./schemas/train.schema.json\nlr: 1\n'),
    );
    const editor = await openCard('strict-run', 'custom.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) =>
      d.map(codeOf).includes('schema-unavailable'),
    );
    const unavailable = diagnostics.find((d) => codeOf(d) === 'schema-unavailable')!;
    assert.match(unavailable.message, /which is not trusted: it is not compiled .*Trust the folder to use it/);
    assert.equal(unavailable.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!diagnostics.map(codeOf).includes('schema-required'), 'the schema was not applied');
  });

  it('writes no file: checking, Check Workspace, Generate Example Script and New Card', async () => {
    const api = await cardwrightApi();
    const root = workspaceUri().fsPath;
    const before = snapshot(root);

    const card = await openCard('sentiment-model', 'README.md');
    await waitForDiagnostics(card.document.uri, (d) => d.map(codeOf).includes('language-code'));
    const checked = await vscode.commands.executeCommand<{ files: number }>('cardwright.checkWorkspace');
    assert.ok(checked && checked.files >= 2, JSON.stringify(checked));

    const script = await vscode.commands.executeCommand<string | undefined>('cardwright.generateExample', {
      uri: card.document.uri.toString(),
      path: workspaceUri('sentiment-model', 'examples', 'restricted.py').path,
      addSection: true,
    });
    assert.equal(script, undefined);
    const folder = workspaceUri('sentiment-model').path;
    assert.equal(await vscode.commands.executeCommand('cardwright.newModelCard', folder), undefined);
    assert.equal(await vscode.commands.executeCommand('cardwright.newDatasetCard', folder), undefined);
    for (const command of ['Generate Example Script', 'New Model Card', 'New Dataset Card'])
      assert.ok(
        api
          .notices()
          .includes(
            `Cardwright does not write files in Restricted Mode: ${command} is available once you trust this folder.`,
          ),
        `the user is told why ${command} did nothing: ${JSON.stringify(api.notices())}`,
      );

    assert.equal(card.document.isDirty, false, 'the card was not edited');
    assert.deepEqual(snapshot(root), before);
  });
});
