import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './cli';
import { assertNoNetwork, guardedEnv } from './networkGuard';

export const SERVER = join(ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** Workspace folder (absolute path). */
  root: string;
  /** Announce pull-diagnostics support (VS Code does); otherwise the server pushes. */
  pull?: boolean;
  /** What the client answers to `workspace/configuration` for `cardwright`. */
  settings?: Record<string, unknown>;
  /** The server's command line (default: node dist/server.js --stdio), e.g. an installed bin. */
  command?: readonly string[];
  /** Sent in `initialize` besides `trusted: true` (e.g. `ruleDocsBase`, as the VS Code client sends). */
  initializationOptions?: Record<string, unknown>;
}

/**
 * A minimal LSP client over the real server process (`node dist/server.js --stdio`): the same
 * bytes any editor would send. Keeps every published diagnostics notification for assertions.
 */
export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  refreshRequests = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcess,
    readonly initializeResult: InitializeResult,
    settings: Record<string, unknown>,
    private readonly networkLog: string,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions): Promise<LspClient> {
    if (!options.command && !existsSync(SERVER)) {
      throw new Error('dist/server.js is missing: run `npm run build` first (npm test does).');
    }
    const [program, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    // Under the network guard: stop() fails the test when the server tried to reach the network.
    const { env, log } = guardedEnv();
    const child = spawn(program as string, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const holder: { client?: LspClient } = {};
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      holder.client?.published.push(params);
      holder.client?.wake();
    });
    connection.onRequest(ConfigurationRequest.type, () => [holder.client?.settings ?? options.settings ?? {}]);
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      if (holder.client) holder.client.refreshRequests++;
      holder.client?.wake();
    });
    connection.listen();
    const rootUri = pathToFileURL(options.root).href;
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      initializationOptions: { trusted: true, ...options.initializationOptions },
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor.rewrite'] } } },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const client = new LspClient(connection, child, initializeResult, options.settings ?? {}, log);
    holder.client = client;
    return client;
  }

  uriOf(path: string): string {
    return pathToFileURL(path).href;
  }

  async open(path: string, text: string, languageId = 'markdown'): Promise<string> {
    const uri = this.uriOf(path);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Replaces the whole text (a full-content change) and returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    const document = this.documents.get(uri)!;
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.create(uri, document.languageId, version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Applies edits as the editor would: an incremental change per edit. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const document = this.documents.get(uri)!;
    const text = TextDocument.applyEdits(document, edits);
    const version = document.version + 1;
    const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    this.documents.set(uri, TextDocument.create(uri, document.languageId, version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return version;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** Closes the document, as the editor does when its tab closes. */
  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Pull diagnostics (`textDocument/diagnostic`). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  /** Waits until a pushed diagnostics notification for `uri` satisfies `accept`. */
  async waitForPublished(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.published].reverse().find((params) => params.uri === uri && accept(params));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no matching diagnostics for ${uri}; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
    assertNoNetwork(this.networkLog, 'the language server');
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
