// No network request, ever: the language server runs under the network guard (every outgoing
// connection attempt throws and is recorded; see test/support/networkGuard.cjs). A config naming
// a schema by URL is checked (the schema is reported, not fetched), and after every test of this
// launch (a root-level hook) the record must hold no attempt.
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  assertServerStayedOffline,
  cardwrightApi,
  codeOf,
  openCard,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

describe('no network request (trusted folder)', () => {
  it('reports a schema URL without fetching it, under the network guard', async () => {
    const api = await cardwrightApi();
    await vscode.workspace.fs.writeFile(
      workspaceUri('url-schema', '.cardwright.yaml'),
      Buffer.from('schemas:\n  - schema: https://example.com/train.schema.json\n    files: ["train.yaml"]\n'),
    );
    await vscode.workspace.fs.writeFile(
      workspaceUri('url-schema', 'train.yaml'),
      Buffer.from('learning_rate: 0.1\nnum_train_epochs: 3\n'),
    );
    const editor = await openCard('url-schema', 'train.yaml');
    await waitForDiagnostics(editor.document.uri, (d) =>
      d.some((diagnostic) => codeOf(diagnostic) === 'schema-unavailable' && /never downloads/.test(diagnostic.message)),
    );
    await assertServerStayedOffline(api);
  });
});

after(async () => assertServerStayedOffline(await cardwrightApi()));
