import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import {
  CheckWorkspaceRequest,
  DiscoverRunsRequest,
  LinkRunRequest,
  PlanExampleRequest,
} from '../../server/src/lsp/protocol';
import { copyFixture, FIXTURES } from '../support/cli';
import { aliasBomb } from '../support/hostile';
import { LspClient } from '../support/lspClient';

const BROKEN = '---\nlicence: mit\nlicense: apache2\nlanguage: es-ES\n---\n# Model Card for tiny\n';

describe('language server over stdio, pull diagnostics', () => {
  let client: LspClient;
  let root = '';

  before(async () => {
    root = copyFixture('workspace');
    // These tests are about metadata; the small cards they open have no body sections.
    writeFileSync(join(root, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
    client = await LspClient.start({ root, pull: true });
  });
  after(() => client.stop());

  it('announces its capabilities', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
    assert.ok(capabilities.codeActionProvider && capabilities.completionProvider && capabilities.hoverProvider);
    assert.equal(capabilities.documentSymbolProvider, true);
  });

  it('returns diagnostics with source, code and a documentation link', async () => {
    const uri = await client.open(join(root, 'models/new/README.md'), BROKEN);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['unknown-key', 'schema-enum', 'language-code'],
    );
    assert.ok(diagnostics.every((d) => d.source === 'cardwright'));
    assert.equal(diagnostics[1]?.codeDescription?.href.endsWith('/docs/rules/schema-enum.md'), true);
    assert.deepEqual(diagnostics[1]?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
  });

  it('gives nothing for a README that is not a card', async () => {
    const uri = await client.open(join(root, 'notes/README.md'), '# Notes\n\nlicense: apache2\n');
    assert.deepEqual(await client.pull(uri), []);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.deepEqual(symbols, []);
  });

  /** Opens `text`, applies the first fix for `code` through the protocol, and re-checks. */
  async function applyFix(name: string, text: string, code: string): Promise<{ after: Diagnostic[]; text: string }> {
    const uri = await client.open(join(root, `fixes/${name}/README.md`), text);
    const diagnostics = await client.pull(uri);
    const target = diagnostics.find((d) => d.code === code);
    assert.ok(target, `${name}: no ${code} in ${diagnostics.map((d) => d.code).join()}`);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.isPreferred) ?? actions[0];
    assert.ok(action?.edit?.documentChanges, `${name}: no quick-fix for ${code}`);
    const change = action.edit.documentChanges[0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.equal(change.textDocument.version, 1, 'edits are for the version the editor has');
    await client.edit(uri, change.edits);
    return { after: await client.pull(uri), text: client.text(uri) };
  }

  const FIXES: [string, string, string][] = [
    ['enum', '---\nlicense: apache2\n---\n# Model Card for x\n', 'schema-enum'],
    ['language', '---\nlicense: mit\nlanguage: [es-ES]\n---\n# Model Card for x\n', 'language-code'],
    ['typo', '---\nlicence: mit\n---\n# Model Card for x\n', 'unknown-key'],
    ['plural', '---\nlicense: mit\nlanguages: [en]\n---\n# Model Card for x\n', 'deprecated'],
    ['pipeline', '---\nlicense: mit\npipeline_tag: text2text-generation\n---\n# Model Card for x\n', 'deprecated'],
    ['duplicate', '---\nlicense: mit\ntags: [a]\nlicense: mit\n---\n# Model Card for x\n', 'yaml-duplicate-key'],
    ['empty', '---\nlicense: mit\ntags:\n---\n# Model Card for x\n', 'empty-value'],
    ['other', '---\nlicense: other\n---\n# Model Card for x\n', 'license-other-incomplete'],
    [
      'dataset',
      '---\nlicense: mit\ndatasets: [https://hf.co/datasets/acme/reviews]\n---\n# Model Card for x\n',
      'dataset-id',
    ],
    [
      'required',
      '---\nlicense: mit\nmodel-index:\n- name: x\n  results:\n  - task: {name: Sentiment}\n    metrics: [{type: accuracy, value: 0.9}]\n---\n# Model Card for x\n',
      'schema-required',
    ],
  ];
  for (const [name, text, code] of FIXES) {
    it(`applies the ${code} quick-fix (${name}) and the diagnostic is gone`, async () => {
      const { after } = await applyFix(name, text, code);
      assert.deepEqual(
        after.filter((d) => d.code === code),
        [],
      );
    });
  }

  it('offers the list rewrite as a refactor', async () => {
    const uri = await client.open(
      join(root, 'refactor/README.md'),
      '---\nlicense: mit\nlanguage: en\n---\n# Model Card for x\n',
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Write "language" as a list', 'refactor.rewrite']],
    );
  });

  it('completes keys and values, hovers and outlines', async () => {
    const uri = await client.open(
      join(root, 'assist/README.md'),
      '---\nlicense: mit\npipeline_tag: \n---\n# Model Card for x\n## Uses\n',
    );
    const values = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 14 },
    })) as CompletionItem[];
    assert.ok(values.some((item) => item.label === 'text-classification'));
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /^\*\*license\*\*/);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
      [
        ['Metadata', ['license', 'pipeline_tag']],
        ['Model Card for x', ['Uses']],
      ],
    );
  });

  it('applies user settings over the project file', async () => {
    const uri = await client.open(join(root, 'settings/README.md'), '---\nlicense: apache2\n---\n# Model Card for x\n');
    assert.deepEqual(
      (await client.pull(uri)).map((d) => d.severity),
      [1],
    );
    client.settings = { rules: { 'schema-enum': 'warning' } };
    const refreshes = client.refreshRequests;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    for (let i = 0; i < 50 && client.refreshRequests === refreshes; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(client.refreshRequests > refreshes, 'the server asks the client to pull again');
    assert.deepEqual(
      (await client.pull(uri)).map((d) => d.severity),
      [2],
    );
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('applies the cardwright.profile setting and offers to add a missing section', async () => {
    const uri = await client.open(
      join(root, 'profile/README.md'),
      '---\nlicense: mit\n---\n# Model Card for x\n\nText.\n',
    );
    client.settings = { profile: 'minimal', rules: { 'section-missing': 'warning' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    let missing: Diagnostic[] = [];
    for (let i = 0; i < 50 && missing.length === 0; i++) {
      missing = (await client.pull(uri)).filter((d) => d.code === 'section-missing');
      if (missing.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(missing.length > 0, 'the minimal profile asks for some sections');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing[0]!.range,
      context: { diagnostics: [missing[0]!], only: ['quickfix'] },
    })) as CodeAction[];
    const change = actions[0]!.edit!.documentChanges![0] as { edits: TextEdit[] };
    await client.edit(uri, change.edits);
    const after = (await client.pull(uri)).filter((d) => d.code === 'section-missing');
    assert.equal(after.length, missing.length - 1);
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('plans an example script and offers it on a missing getting-started section', async () => {
    const cardPath = join(root, 'models/sentiment/README.md');
    const uri = client.uriOf(cardPath);
    const plan = await client.connection.sendRequest(PlanExampleRequest, { uri });
    assert.ok(plan);
    assert.equal(plan.path, join(root, 'models/sentiment/examples/sentiment_tiny_inference.py'));
    assert.deepEqual([plan.flavour, plan.existing, plan.outside], ['transformers', 'none', false]);
    assert.match(plan.text, /pipeline\(/);
    const missing = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      code: 'section-missing',
      source: 'cardwright',
      message: 'm',
      data: { concept: 'getting-started' },
    };
    const docUri = await client.open(
      join(root, 'models/started/README.md'),
      '---\nlicense: mit\n---\n# Model Card for x\n',
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: docUri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    })) as CodeAction[];
    const generate = actions.find((action) => action.title === 'Generate an example script');
    assert.equal(generate?.command?.command, 'cardwright.generateExample');
  });

  it('lists training runs and returns the edits that link one', async () => {
    // A card of its own, opened in the editor, so the workspace check below still reads the others.
    cpSync(join(root, 'models/sentiment'), join(root, 'linked'), { recursive: true });
    cpSync(join(FIXTURES, 'runs', 'hf-output'), join(root, 'linked/outputs'), { recursive: true });
    const cardPath = join(root, 'linked/README.md');
    const uri = await client.open(cardPath, readFileSync(cardPath, 'utf8'));
    const runs = await client.connection.sendRequest(DiscoverRunsRequest, { uri });
    const run = runs.find((candidate) => candidate.tracker === 'hf-trainer');
    assert.ok(run, JSON.stringify(runs));
    assert.ok(run.metrics.some((metric) => metric.startsWith('eval_accuracy=')));
    const linked = await client.connection.sendRequest(LinkRunRequest, { uri, runPath: run.path });
    assert.ok(linked);
    assert.equal(linked.problem, undefined);
    assert.equal(linked.version, 1);
    await client.edit(uri, linked.edits);
    assert.match(client.text(uri), /^provenance:\n {2}run: \{tracker: hf-trainer/m);
    const after = await client.pull(uri);
    assert.deepEqual(
      after.filter((d) => String(d.code).startsWith('run-')),
      [],
      'a fresh link has no drift',
    );
    rmSync(join(root, 'linked/outputs'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: client.uriOf(join(root, 'linked/outputs')), type: FileChangeType.Deleted }],
    });
    let drift: Diagnostic[] = [];
    for (let i = 0; i < 50 && drift.length === 0; i++) {
      drift = (await client.pull(uri)).filter((d) => d.code === 'run-not-found');
      if (drift.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(drift.length, 1, 'the deleted run folder is reported');
  });

  it('checks the workspace and pushes diagnostics for files on disk', async () => {
    const result = await client.connection.sendRequest(CheckWorkspaceRequest);
    assert.deepEqual(result, { files: 4, errors: 2, warnings: 2 }, 'three cards and the .cardwright.yaml');
    // The same as a workspace/executeCommand, for editors that cannot send a custom request.
    const asCommand = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'cardwright.server.checkWorkspace',
      arguments: [],
    });
    assert.deepEqual(asCommand, result);
    const broken = await client.waitForPublished(
      client.uriOf(join(root, 'models/broken/README.md')),
      (p) => p.diagnostics.length > 0,
    );
    assert.deepEqual(
      broken.diagnostics.map((d) => d.code),
      ['unknown-key', 'language-code', 'schema-enum', 'empty-value'],
    );
  });
});

describe('language server over stdio, push diagnostics', () => {
  let client: LspClient;
  let root = '';

  before(async () => {
    root = copyFixture('workspace');
    writeFileSync(join(root, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
    client = await LspClient.start({ root, pull: false });
  });
  after(() => client.stop());

  it('publishes the diagnostics of the last version after 50 rapid edits, never going back', async () => {
    const uri = await client.open(join(root, 'rapid/README.md'), '---\nlicense: mit\n---\n# Model Card for x\n');
    let version = 1;
    for (let i = 0; i < 50; i++) {
      const license = i === 49 ? 'apache2' : i % 2 === 0 ? 'mit' : 'gpl';
      version = await client.replace(uri, `---\nlicense: ${license}\ntags: [edit-${i}]\n---\n# Model Card for x\n`);
    }
    const last = await client.waitForPublished(uri, (p) => p.version === version);
    assert.deepEqual(
      last.diagnostics.map((d) => d.message),
      ['"license" with value "apache2" is not valid. Did you mean "apache-2.0"?'],
    );
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'published versions only go up',
    );
    assert.ok(versions.length < 50, `bursts are coalesced (${versions.length} publishes for 51 versions)`);
  });

  it('re-checks open cards when a .cardwright.yaml changes on disk', async () => {
    const uri = await client.open(
      join(root, 'models/watched/README.md'),
      '---\nlicense: apache2\n---\n# Model Card for x\n',
    );
    await client.waitForPublished(uri, (p) => p.diagnostics.some((d) => d.code === 'schema-enum'));
    const configPath = join(root, '.cardwright.yaml');
    writeFileSync(configPath, 'rules:\n  section-missing: off\n  schema-enum: off\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: client.uriOf(configPath), type: FileChangeType.Created }],
    });
    const after = await client.waitForPublished(uri, (p) => p.diagnostics.length === 0);
    assert.equal(after.version, 1);
  });

  it('survives hostile input and keeps answering', async () => {
    const uri = await client.open(join(root, 'hostile/README.md'), `---\n${aliasBomb(8)}---\n# Model Card for x\n`);
    const published = await client.waitForPublished(uri, () => true);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['yaml-syntax'],
    );
    const huge = `---\nlicense: mit\ntags: [${Array(50_000).fill('t').join(', ')}]\n---\n# Model Card for x\n${'text '.repeat(200_000)}\n`;
    const hugeUri = await client.open(join(root, 'hostile/huge/README.md'), huge);
    const hugeResult = await client.waitForPublished(hugeUri, () => true, 30_000);
    assert.deepEqual(hugeResult.diagnostics, []);
  });
});
