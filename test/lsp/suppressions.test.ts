import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { copyFixture } from '../support/cli';
import { LspClient } from '../support/lspClient';

const CARD = '---\nlicense: apache2\n---\n# Model Card for x\n';

describe('language server: silencing', () => {
  let client: LspClient;
  let root = '';

  before(async () => {
    root = copyFixture('workspace');
    writeFileSync(
      join(root, '.cardwright.yaml'),
      'rules:\n  section-missing: off\nignore:\n  - templates/**\noverrides:\n  - files: legacy/**\n    rules:\n      schema-enum: hint\n',
    );
    client = await LspClient.start({ root, pull: true });
  });
  after(() => client.stop());

  it('a disable comment removes the diagnostic', async () => {
    const uri = await client.open(join(root, 'models/commented/README.md'), CARD);
    assert.deepEqual(
      (await client.pull(uri)).map((d) => d.code),
      ['schema-enum'],
    );
    await client.replace(uri, CARD.replace('apache2', 'apache2 # cardwright-disable-line schema-enum'));
    assert.deepEqual(await client.pull(uri), []);
    await client.replace(uri, `${CARD}<!-- cardwright-disable-file -->\n`);
    assert.deepEqual(await client.pull(uri), []);
  });

  it('offers "Disable CODE for this line / file" after the repairs, with the right edits', async () => {
    const uri = await client.open(join(root, 'models/quickfix/README.md'), CARD);
    const [target] = await client.pull(uri);
    assert.equal(target?.code, 'schema-enum');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.slice(-2), ['Disable schema-enum for this line', 'Disable schema-enum for this file']);
    assert.ok(titles.length > 2 && actions[0]?.isPreferred, 'the repair comes first');
    const line = actions.find((action) => action.title === 'Disable schema-enum for this line');
    assert.deepEqual(line?.diagnostics, [target]);
    const change = line?.edit?.documentChanges?.[0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.deepEqual(change.edits, [
      {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        newText: '# cardwright-disable-next-line schema-enum\n',
      },
    ]);
    await client.edit(uri, change.edits);
    assert.equal(
      client.text(uri),
      '---\n# cardwright-disable-next-line schema-enum\nlicense: apache2\n---\n# Model Card for x\n',
    );
    assert.deepEqual(await client.pull(uri), []);

    const file = actions.find((action) => action.title === 'Disable schema-enum for this file');
    const fileChange = file?.edit?.documentChanges?.[0] as { edits: TextEdit[] };
    assert.deepEqual(fileChange.edits, [
      {
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        newText: '<!-- cardwright-disable-file schema-enum -->\n',
      },
    ]);
  });

  it('applies ignore: (no diagnostics) and overrides: (per-path severities) from .cardwright.yaml', async () => {
    const ignored = await client.open(join(root, 'templates/model/README.md'), CARD);
    assert.deepEqual(await client.pull(ignored), []);
    const legacy = await client.open(join(root, 'legacy/a/README.md'), CARD);
    assert.deepEqual(
      (await client.pull(legacy)).map((d) => [d.code, d.severity]),
      [['schema-enum', 4]],
    );
  });
});
