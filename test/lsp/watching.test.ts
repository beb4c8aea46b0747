import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import initSqlJs from 'sql.js';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Diagnostic,
  type FileEvent,
  type FileSystemWatcher,
} from 'vscode-languageserver-protocol/node';
import { readSqlWasm } from '../../server/src/node/runDeps';
import { CheckWorkspaceRequest, DebugStatsRequest } from '../../server/src/lsp/protocol';
import { LspClient } from '../support/lspClient';
import { buildMlflowDb, DB_RUNS } from '../support/mlflowDb';

/*
 * The server watches what open documents read and re-checks only the documents a change touches:
 * a linked config, a linked run in mlflow.db, a linked file; never a folder no check looks at.
 */

const CONFIG_TEXT = 'model_name_or_path: acme/base\nseed: 1\n';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function card(accuracy: string): string {
  return [
    '---',
    'license: mit',
    'pipeline_tag: text-classification',
    'model-index:',
    '- name: tiny',
    '  results:',
    '  - task: {type: text-classification}',
    '    metrics:',
    `    - {type: accuracy, value: ${accuracy}}`,
    'provenance:',
    `  config: {path: ../configs/train.yaml, sha256: ${sha256(CONFIG_TEXT)}}`,
    `  run: {tracker: mlflow, id: ${DB_RUNS.finished}, path: "../runs/mlflow.db#${DB_RUNS.finished}"}`,
    '---',
    '# Model Card for tiny',
    '',
    'See [the notes](notes.md).',
    '',
  ].join('\n');
}

/** The fixture database with the finished run's accuracy set to `value`. */
async function databaseWithAccuracy(value: number): Promise<Uint8Array> {
  const SQL = await initSqlJs({ wasmBinary: readSqlWasm() });
  const db = new SQL.Database(await buildMlflowDb());
  db.run(`UPDATE latest_metrics SET value = ? WHERE key = 'accuracy' AND run_uuid = ?`, [value, DB_RUNS.finished]);
  db.run(`UPDATE metrics SET value = ? WHERE key = 'accuracy' AND run_uuid = ? AND step = 3`, [
    value,
    DB_RUNS.finished,
  ]);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Whether a registered watcher's glob matches the file (RelativePattern or absolute glob). */
function watches(watcher: FileSystemWatcher, path: string): boolean {
  const glob = watcher.globPattern;
  if (typeof glob === 'string')
    return minimatch(path, glob, { dot: true }) || minimatch(path, `/${glob}`, { dot: true });
  const base = fileURLToPath(typeof glob.baseUri === 'string' ? glob.baseUri : glob.baseUri.uri);
  if (!path.startsWith(base + '/')) return false;
  return minimatch(path.slice(base.length + 1), glob.pattern, { dot: true });
}

const codes = (diagnostics: readonly Diagnostic[], wanted: readonly string[]): string[] =>
  diagnostics.map((d) => String(d.code)).filter((code) => wanted.includes(code));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server: file watching and re-checks by input', () => {
  let client: LspClient;
  let root = '';
  let cardUri = '';
  let otherUri = '';

  /** Pulls until `accept` holds (the server reads linked runs asynchronously, then asks for a refresh). */
  async function pullUntil(uri: string, accept: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const diagnostics = await client.pull(uri);
      if (accept(diagnostics)) return diagnostics;
      if (Date.now() > deadline) throw new Error(`${what}: got ${diagnostics.map((d) => d.code).join(', ')}`);
      await sleep(50);
    }
  }

  async function notify(paths: string[], type: FileChangeType = FileChangeType.Changed): Promise<void> {
    const changes: FileEvent[] = paths.map((path) => ({ uri: pathToFileURL(path).href, type }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  const stats = () => client.connection.sendRequest(DebugStatsRequest);

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-watch-')));
    for (const folder of ['model', 'configs', 'runs', 'other']) mkdirSync(join(root, folder));
    writeFileSync(join(root, 'configs/train.yaml'), CONFIG_TEXT);
    writeFileSync(join(root, 'runs/mlflow.db'), await databaseWithAccuracy(0.931));
    writeFileSync(join(root, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
    client = await LspClient.start({ root, pull: true });
    cardUri = await client.open(join(root, 'model/README.md'), card('0.95'));
    otherUri = await client.open(join(root, 'other/README.md'), '---\nlicense: mit\n---\n# Model Card for other\n');
  });
  after(() => client.stop());

  it('reports drift from a run in mlflow.db in the editor, and follows the database as it changes', async () => {
    const first = await pullUntil(
      cardUri,
      (d) => codes(d, ['run-metric-mismatch']).length === 1,
      'the card says 0.95, the run 0.931',
    );
    assert.match(String(first.find((d) => d.code === 'run-metric-mismatch')?.message), /0\.931/);
    assert.deepEqual(codes(first, ['run-not-found', 'run-config-changed']), []);
    writeFileSync(join(root, 'runs/mlflow.db'), await databaseWithAccuracy(0.95));
    await notify([join(root, 'runs/mlflow.db')]);
    await pullUntil(cardUri, (d) => codes(d, ['run-metric-mismatch']).length === 0, 'the run now says 0.95');
    writeFileSync(join(root, 'runs/mlflow.db'), await databaseWithAccuracy(0.5));
    await notify([join(root, 'runs/mlflow.db')]);
    const drifted = await pullUntil(
      cardUri,
      (d) => codes(d, ['run-metric-mismatch']).length === 1,
      'the run now says 0.5',
    );
    assert.match(String(drifted.find((d) => d.code === 'run-metric-mismatch')?.message), /0\.5/);
  });

  it('registers watchers for what the card reads: its config, its run, its link, .cardwright.yaml', async () => {
    const { watchers } = await stats();
    const watched = (relative: string): boolean => watchers.some((watcher) => watches(watcher, join(root, relative)));
    for (const input of [
      'configs/train.yaml',
      'runs/mlflow.db',
      'model/notes.md',
      '.cardwright.yaml',
      'x/.cardwright.yml',
    ]) {
      assert.ok(watched(input), `${input} is not watched: ${JSON.stringify(watchers)}`);
    }
    assert.ok(!watchers.some((watcher) => watcher.globPattern === '**/*'), 'no catch-all watcher');
  });

  it('re-checks the card (and only the card) when its linked config changes', async () => {
    await pullUntil(otherUri, () => true, 'other card');
    assert.deepEqual(codes(await client.pull(cardUri), ['run-config-changed']), []);
    const before = (await stats()).checks;
    writeFileSync(join(root, 'configs/train.yaml'), CONFIG_TEXT.replace('seed: 1', 'seed: 2'));
    await notify([join(root, 'configs/train.yaml')]);
    await pullUntil(cardUri, (d) => codes(d, ['run-config-changed']).length === 1, 'the config changed');
    await client.pull(otherUri);
    assert.equal((await stats()).checks - before, 1, 'one check: the card, not the other document');
    writeFileSync(join(root, 'configs/train.yaml'), CONFIG_TEXT);
    await notify([join(root, 'configs/train.yaml')]);
    await pullUntil(cardUri, (d) => codes(d, ['run-config-changed']).length === 0, 'the config is back');
  });

  it('re-checks the card when a file it links appears', async () => {
    await pullUntil(cardUri, (d) => codes(d, ['link-broken']).length > 0, 'notes.md is missing');
    writeFileSync(join(root, 'model/notes.md'), '# Notes\n');
    await notify([join(root, 'model/notes.md')], FileChangeType.Created);
    await pullUntil(cardUri, (d) => codes(d, ['link-broken']).length === 0, 'notes.md exists');
  });

  it('1,000 files written into an unrelated folder: not watched, and their events re-check nothing', async () => {
    await client.pull(cardUri);
    await client.pull(otherUri);
    await sleep(100);
    const before = await stats();
    const refreshes = client.refreshRequests;
    const written: string[] = [];
    for (let step = 0; step < 10; step++) {
      const folder = join(root, 'checkpoints', `step-${step * 100}`);
      mkdirSync(folder, { recursive: true });
      for (let index = 0; index < 100; index++) {
        const path = join(folder, `shard-${index}.json`);
        writeFileSync(path, '{}');
        written.push(path);
      }
    }
    const matched = written.filter((path) => before.watchers.some((watcher) => watches(watcher, path)));
    assert.deepEqual(matched, [], 'no registered watcher matches them');
    // A client that sent the events anyway (or a catch-all watcher elsewhere): still nothing re-checked.
    await notify(written, FileChangeType.Created);
    await notify([join(root, 'checkpoints')], FileChangeType.Created);
    await sleep(300);
    await client.pull(cardUri);
    await client.pull(otherUri);
    const after = await stats();
    assert.equal(after.checks, before.checks, 'no document was checked again');
    assert.equal(client.refreshRequests, refreshes, 'no diagnostic refresh was requested');
  });

  it('Check Workspace reads the runs cards on disk link (mlflow.db too), once', async () => {
    const path = join(root, 'closed/README.md');
    mkdirSync(join(root, 'closed'));
    writeFileSync(path, card('0.9').replace('See [the notes](notes.md).', ''));
    await client.connection.sendRequest(CheckWorkspaceRequest);
    const published = await client.waitForPublished(pathToFileURL(path).href, () => true);
    assert.deepEqual(codes(published.diagnostics, ['run-metric-mismatch', 'run-not-found']), ['run-metric-mismatch']);
  });

  it('a keystroke in the card re-checks it without touching the disk for its run', async () => {
    const before = (await stats()).checks;
    await client.replace(cardUri, card('0.5') + '\n');
    const diagnostics = await client.pull(cardUri);
    assert.deepEqual(codes(diagnostics, ['run-metric-mismatch']), []);
    assert.equal((await stats()).checks - before, 1);
  });
});
