// A minimal LSP client for the benchmark: spawns a language server over stdio, initializes it
// as an editor would (push diagnostics, settings answered), opens one document and times
// keystrokes until the diagnostics for that version are published. Also reads the server's
// peak resident memory (VmHWM) from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

/** What yaml-language-server needs to validate against a modeline's schema, offline. */
const YAML_SETTINGS = {
  validate: true,
  schemaStore: { enable: false },
  format: { enable: false },
  maxItemsComputed: 5000,
};

/** Waits for `promise`, failing after `ms` (a server that never answers must not hang the run). */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Peak resident set size of a process in MB (VmHWM), or undefined once it has exited. */
export function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export class LspServer {
  /**
   * @param {{ name: string, command: string[] }} server
   * @param {string} folder the workspace folder (rootUri)
   */
  constructor(server, folder) {
    this.name = server.name;
    this.folder = folder;
    this.child = spawn(server.command[0], server.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'], cwd: folder });
    this.exited = new Promise((done) => this.child.once('exit', done));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    /** uri -> the publish we wait for: { version, resolve } */
    this.waiting = new Map();
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.published(params));
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS : item.section === 'cardwright' ? {} : null)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  published(params) {
    if (process.env.BENCH_DEBUG)
      console.error(`${this.name}: publish version ${params.version} (${params.diagnostics.length} diagnostics)`);
    const wait = this.waiting.get(params.uri);
    if (!wait) return;
    // A versioned publish answers its version only; yaml-language-server publishes without one:
    // the first publish after the change answers it (one change is in flight at a time).
    if (params.version !== undefined && params.version !== null && params.version !== wait.version) return;
    this.waiting.delete(params.uri);
    wait.resolve(params.diagnostics);
  }

  /** Sends `initialize` and resolves with the milliseconds since `spawnedAt` (cold start). */
  async initialize(spawnedAt = performance.now()) {
    const rootUri = pathToFileURL(this.folder).href;
    await within(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        initializationOptions: { trusted: true },
        capabilities: {
          workspace: { configuration: true },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
      }),
      120_000,
      `${this.name} initialize`,
    );
    const elapsed = performance.now() - spawnedAt;
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { yaml: YAML_SETTINGS },
    });
    return elapsed;
  }

  diagnosticsFor(uri, version, timeoutMs) {
    return within(
      new Promise((resolve) => this.waiting.set(uri, { version, resolve })),
      timeoutMs,
      `${this.name} diagnostics for version ${version}`,
    );
  }

  /** Opens a document and waits for its first diagnostics (and a quiet moment after them). */
  async open(path, languageId, text, timeoutMs) {
    const uri = pathToFileURL(path).href;
    const first = this.diagnosticsFor(uri, 1, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    const diagnostics = await first;
    // A server may publish again once a schema has loaded: let that pass before timing edits.
    await new Promise((done) => setTimeout(done, 300));
    return { uri, diagnostics };
  }

  /**
   * One keystroke: an incremental change, timed from sending it to the publish for `version`.
   * @returns {Promise<{ ms: number, diagnostics: object[] }>}
   */
  async edit(uri, version, range, text, timeoutMs) {
    const arrived = this.diagnosticsFor(uri, version, timeoutMs);
    const started = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    const diagnostics = await arrived;
    return { ms: performance.now() - started, diagnostics };
  }

  peakRssMb() {
    return peakRssMb(this.child.pid);
  }

  /** `shutdown` and `exit` as an editor sends them; killed when it does not exit within 5 s. */
  async close() {
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 5_000, `${this.name} shutdown`);
      await this.connection.sendNotification(ExitNotification.type);
      await within(this.exited, 5_000, `${this.name} exit`);
    } catch {
      this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}

/** Spawn -> `initialize` answered, in ms, for a fresh process each time. */
export async function coldStart(server, folder) {
  const spawnedAt = performance.now();
  const client = new LspServer(server, folder);
  try {
    return await client.initialize(spawnedAt);
  } finally {
    await client.close();
  }
}
