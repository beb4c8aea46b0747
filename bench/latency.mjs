// Diagnostics latency and memory of the Cardwright language server next to its peer, Red Hat's
// yaml-language-server, measured in the same run on the same document and schema.
//
// Each server validates a training config against one JSON Schema (draft-07, so both can read
// it) named by a `# yaml-language-server: $schema=` modeline. We time, for N edits that alternate
// a valid and an invalid value, from sending didChange to receiving published diagnostics for
// that version, and read each server's resident memory at the end. Printed as a table.
//
// Usage: npm run bench [-- --edits N]   (builds dist/ first)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

const ROOT = resolve(import.meta.dirname, '..');
const EDITS = Number(process.argv[process.argv.indexOf('--edits') + 1]) || 40;

const SERVERS = [
  { name: 'cardwright', args: [join(ROOT, 'dist/server.js'), '--stdio'] },
  {
    name: 'yaml-language-server 1.22',
    args: [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
  },
];

const SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    output_dir: { type: 'string' },
    learning_rate: { type: 'number' },
    num_train_epochs: { type: 'integer', minimum: 1 },
    lr_scheduler_type: { enum: ['linear', 'cosine', 'constant'] },
    per_device_train_batch_size: { type: 'integer' },
  },
  required: ['output_dir'],
};

/** A realistic config: ~120 keys, so validation is not free. */
function documentText(schemaPath, scheduler) {
  const lines = [`# yaml-language-server: $schema=${schemaPath}`, 'output_dir: out', 'learning_rate: 0.00005'];
  lines.push('num_train_epochs: 3', 'per_device_train_batch_size: 16', `lr_scheduler_type: ${scheduler}`);
  for (let i = 0; i < 120; i++) lines.push(`extra_setting_${i}: ${i % 3 === 0 ? 'true' : i}`);
  return lines.join('\n') + '\n';
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function measure(server, folder, schemaPath) {
  const child = spawn(process.execPath, server.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (process.env.BENCH_DEBUG) console.error(server.name, 'publish', params.version, params.diagnostics.length);
    // yaml-language-server publishes without a version: it answers the one edit in flight.
    const version = params.version ?? Math.min(...waiting.keys());
    const resolveVersion = waiting.get(version);
    waiting.delete(version);
    if (resolveVersion) resolveVersion(params.diagnostics.length);
  });
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'yaml' ? { validate: true, schemaStore: { enable: false } } : {})),
  );
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.listen();
  const rootUri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    initializationOptions: { trusted: true },
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { yaml: { validate: true, schemaStore: { enable: false } } },
  });
  const uri = pathToFileURL(join(folder, 'train.yaml')).href;
  const published = (version) => new Promise((done) => waiting.set(version, done));
  const first = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: documentText(schemaPath, 'linear') },
  });
  await first;
  const times = [];
  let wrongCounts = 0;
  for (let version = 2; version <= EDITS + 1; version++) {
    const invalid = version % 2 === 0;
    const arrived = published(version);
    const started = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text: documentText(schemaPath, invalid ? 'cosin' : 'cosine') }],
    });
    const count = await arrived;
    times.push(performance.now() - started);
    if (count > 0 !== invalid) wrongCounts++;
  }
  const memory = residentMb(child.pid);
  child.kill();
  connection.dispose();
  times.sort((a, b) => a - b);
  return {
    name: server.name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1),
    memory,
    wrongCounts,
  };
}

const folder = mkdtempSync(join(tmpdir(), 'cardwright-bench-'));
const schemaPath = join(folder, 'train.schema.json');
writeFileSync(schemaPath, JSON.stringify(SCHEMA));
const rows = [];
for (const server of SERVERS) rows.push(await measure(server, folder, schemaPath));

console.log(`Diagnostics latency after an edit (${EDITS} edits, 126-key YAML config, one draft-07 schema)`);
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}\n`);
console.log('| server | p50 ms | p95 ms | max ms | RSS MB | wrong results |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.max.toFixed(1)} | ${row.memory.toFixed(0)} | ${row.wrongCounts} |`,
  );
}
