import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  DidChangeConfigurationNotification,
  type CodeLens,
} from 'vscode-languageserver-protocol/node';
import {
  CardsChangedNotification,
  CardsRequest,
  DebugStatsRequest,
  DiscoverRunsRequest,
  LinkRunRequest,
  type CardItem,
} from '../../server/src/lsp/protocol';
import { ROOT } from '../support/cli';
import { LspClient } from '../support/lspClient';

/** The Cards view's request and the summary line, on a copy of examples/. */
describe('language server: cardwright/cards and the summary line (codeLens)', () => {
  let client: LspClient;
  let root = '';
  /** `cardwright/cardsChanged` notifications received. */
  let changed = 0;
  const card = (): string => join(root, 'sentiment-model/README.md');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cardwright-cards-'));
    cpSync(join(ROOT, 'examples'), root, { recursive: true });
    client = await LspClient.start({ root, pull: true });
    client.connection.onNotification(CardsChangedNotification.method, () => {
      changed++;
    });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const cards = async (rescan = false): Promise<Map<string, CardItem>> => {
    const result = await client.connection.sendRequest(CardsRequest, { rescan });
    assert.equal(result.trusted, true);
    return new Map(result.cards.map((item) => [item.path.slice(root.length + 1), item]));
  };
  const lenses = async (uri: string): Promise<string[]> => {
    const found = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    return found.map((lens) => lens.command!.title);
  };
  const diskChecks = async (): Promise<number> =>
    (await client.connection.sendRequest(DebugStatsRequest)).cardChecks ?? 0;

  it('announces the codeLens capability', () => {
    assert.deepEqual(client.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('lists every card and config with its questions, provenance and counts, from disk', async () => {
    const items = await cards(true);
    assert.deepEqual([...items.keys()].sort(), [
      'reviews-dataset/README.md',
      'sentiment-model/README.md',
      'sentiment-model/train.yaml',
    ]);
    const model = items.get('sentiment-model/README.md')!;
    assert.equal(model.kind, 'model-card');
    assert.equal(model.open, false);
    assert.equal(model.uri, client.uriOf(card()));
    assert.equal(model.counts.error, 3);
    const hardware = model.concepts!.find((concept) => concept.id === 'hardware')!;
    assert.equal(hardware.answered, false);
    const uses = model.concepts!.find((concept) => concept.id === 'intended-use')!;
    assert.deepEqual([uses.answered, uses.via, uses.where?.text], [true, 'heading', 'Uses']);
    assert.equal(uses.where!.line, readFileSync(card(), 'utf8').split('\n').indexOf('## Uses'));
    assert.equal(model.provenance, undefined);
    const config = items.get('sentiment-model/train.yaml')!;
    assert.deepEqual([config.kind, config.concepts, config.counts.error], ['training-config', undefined, 1]);
    assert.equal(items.get('reviews-dataset/README.md')!.kind, 'dataset-card');
  });

  it('does not check again what did not change', async () => {
    const before = await diskChecks();
    await cards(false);
    await cards(true);
    assert.equal(await diskChecks(), before, 'unchanged files are not checked again');
  });

  it('summarises an open card from the editor text, with a summary line above its title', async () => {
    const before = await diskChecks();
    const text = readFileSync(card(), 'utf8') + '\n## Hardware\n\nOne T4 GPU for 20 minutes.\n';
    const uri = await client.open(card(), text);
    const changedBefore = changed;
    await client.pull(uri);
    for (let i = 0; i < 100 && changed === changedBefore; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(changed > changedBefore, 'a check of an open card tells the client the cards changed');
    const model = (await cards()).get('sentiment-model/README.md')!;
    assert.equal(model.open, true);
    assert.equal(model.concepts!.find((concept) => concept.id === 'hardware')!.answered, true);
    assert.equal(await diskChecks(), before, 'opening a card checks no file on disk');
    const found = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.equal(found[0]!.range.start.line, text.split('\n').indexOf('# Model Card for acme/sentiment-distilbert'));
    assert.deepEqual(
      found.map((lens) => [lens.command!.title, lens.command!.command]),
      [
        ['8/8 questions answered', 'cardwright.cards.reveal'],
        ['no linked run', 'cardwright.linkTrainingRun'],
        ['3 errors, 1 warning', 'workbench.actions.view.problems'],
      ],
    );
  });

  it('shows the linked run and its drift once the card links one', async () => {
    const uri = client.uriOf(card());
    const [run] = await client.connection.sendRequest(DiscoverRunsRequest, { uri });
    assert.ok(run, 'examples/ has a training run');
    const result = await client.connection.sendRequest(LinkRunRequest, { uri, runPath: run.path });
    assert.ok(result && result.edits.length > 0, JSON.stringify(result));
    await client.edit(uri, result.edits);
    let titles: string[] = [];
    for (let i = 0; i < 100 && !titles.includes('no drift'); i++) {
      await client.pull(uri);
      titles = await lenses(uri);
      if (!titles.includes('no drift')) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    assert.equal(titles[1], `linked to run ${run.id.slice(0, 6)} (${run.tracker})`);
    assert.equal(titles[2], 'no drift');
    const model = (await cards()).get('sentiment-model/README.md')!;
    assert.deepEqual(model.provenance?.drift, []);
    assert.equal(model.provenance?.tracker, run.tracker);
    assert.equal(model.provenance?.resolvedRunPath, run.path);
    // The same card saved beside it under another card name and never opened: checked from disk
    // with the run it links (checkFileWithRun: one read and one parse of the file, the run first).
    writeFileSync(join(root, 'sentiment-model/MODEL_CARD.md'), client.text(uri));
    const fromDisk = (await cards(true)).get('sentiment-model/MODEL_CARD.md');
    assert.equal(fromDisk?.provenance?.tracker, run.tracker);
    assert.deepEqual(fromDisk?.provenance?.drift, []);
  });

  it('turns the summary line off with cardwright.codeLens.enable', async () => {
    const uri = client.uriOf(card());
    client.settings = { codeLens: { enable: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    let titles = await lenses(uri);
    for (let i = 0; i < 50 && titles.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      titles = await lenses(uri);
    }
    assert.deepEqual(titles, []);
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('summarises the file on disk again once the card closes', async () => {
    const uri = client.uriOf(card());
    await client.close(uri);
    const model = (await cards()).get('sentiment-model/README.md')!;
    assert.deepEqual([model.open, model.provenance, model.counts.error], [false, undefined, 3]);
  });
});
