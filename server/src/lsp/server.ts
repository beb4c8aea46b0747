import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../core/assist/completion';
import { hoverAt } from '../core/assist/hover';
import { documentSymbols } from '../core/assist/symbols';
import { checkDocument } from '../core/engine';
import { basename, dirname, type FileSystem } from '../core/fileSystem';
import type { ParsedDocument } from '../core/document/parsedDocument';
import type { Sha256 } from '../core/scaffold/generatedMarker';
import type { RunDeps } from '../core/runs';
import { disableFixes, quickFixes, refactorsAt } from '../core/fixes';
import { configForFile, isIgnored } from '../core/configForFile';
import { ProjectConfigResolver, type ProjectConfig } from '../core/projectConfig';
import { isProjectConfigFile } from '../core/document/kind';
import { affectedBy, emptyInputs, mergeInputs, type CheckInputs } from '../core/inputs';
import { linkedRunPath } from '../core/provenance/linkedRun';
import { associatedSchema, configBase } from '../core/configs/associations';
import { createBundledRegistry } from '../core/schemas/bundled';
import { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import {
  fromLspDiagnostic,
  toCodeAction,
  toCompletionItem,
  toDocumentSymbol,
  toHover,
  toLspDiagnostics,
} from './convert';
import { initializeResult } from './capabilities';
import { CardsView } from './cardsView';
import { DiagnosticsService } from './diagnostics';
import { DocumentStore, folderOf, readDocument, uriToPath } from './documentStore';
import { InputTracker, watchersFor } from './inputTracker';
import { LinkedRuns } from './linkedRuns';
import { linkEdits, listRuns, type LinkDeps } from './linkCommands';
import {
  CheckWorkspaceRequest,
  Commands,
  DebugStatsRequest,
  DiscoverRunsRequest,
  GettingStartedRequest,
  LinkRunRequest,
  PlanExampleRequest,
  PlanNewCardRequest,
  type CheckWorkspaceResult,
  type InitializationOptions,
} from './protocol';
import {
  exampleCodeActions,
  gettingStartedSection,
  planCard,
  planExample,
  type ScaffoldDeps,
} from './scaffoldCommands';
import { SettingsStore } from './settings';
import { checkWorkspace } from './workspaceCheck';

export interface ServerRuntime {
  fs: FileSystem;
  /** SHA-256 of text (node:crypto in node hosts), for the "generated, unchanged" script marker. */
  sha256: Sha256;
  /** Reading training runs: the file system, SHA-256 of bytes, and SQLite for mlflow.db. */
  runDeps: RunDeps;
}

/**
 * Wires the core to an LSP connection. Transport-agnostic: `main.ts` passes a stdio or IPC
 * connection, tests may pass a stream pair. Everything here is glue; the behaviour is in core.
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const schemas = createBundledRegistry();
  let resolver = new ProjectConfigResolver(runtime.fs, schemas);
  /** Whether the client takes the watchers we register (then reads in checks are cached until a watch event). */
  let watching = false;
  let relativePatterns = false;
  const tracker = new InputTracker(runtime.fs, () => watching);
  const store = new DocumentStore(
    documents,
    tracker.fs,
    (path) => associationFor(path),
    (path) => configFor(path).maxFileSize,
    (path) => configFor(path).kind,
  );
  /** What each open document's last check read, and the run it links. */
  const documentInputs = new Map<string, { inputs: CheckInputs; runPath?: string }>();
  const linkedRuns = new LinkedRuns(runtime.runDeps, (runPath) =>
    diagnostics.invalidate([...documentInputs].filter(([, entry]) => entry.runPath === runPath).map(([uri]) => uri)),
  );
  let ruleDocsBase: string | undefined;
  let settings: SettingsStore;
  let diagnostics: DiagnosticsService;
  let cards: CardsView;
  let workspaceFolders: string[] = [];
  let trusted = true;
  let supportsProgress = false;
  let supportsWorkspaceFolders = false;
  /** Files whose on-disk diagnostics Check Workspace pushed: path -> the URI they went to. */
  const workspaceChecked = new Map<string, string>();

  let workspaceSchemas: WorkspaceSchemaLoader | undefined;

  /** `.cardwright.yaml` associations first (relative to it), then the user's settings (to the folder). */
  const associationFor = (path: string): string | undefined => {
    const project = resolver.forFolder(dirname(path)).config;
    const folder = folderOf(path, workspaceFolders);
    return (
      associatedSchema(project.schemas, configBase(project.source) ?? '', path) ??
      (folder ? associatedSchema(settings.settings.schemas, folder, path) : undefined)
    );
  };

  /** `.cardwright.yaml` with its `overrides:` for the file, then the user's settings on top. */
  const configFor = (path: string | undefined): ProjectConfig =>
    settings.apply(path ? configForFile(resolver.forFolder(dirname(path)).config, path) : { rules: {} });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    trusted = options.trusted !== false;
    // A schema becomes code when ajv compiles it: never for a folder the user has not trusted.
    // file:// modelines are read only inside the editor's workspace folders (read when asked: they change).
    workspaceSchemas = trusted ? new WorkspaceSchemaLoader(tracker.fs, schemas, () => workspaceFolders) : undefined;
    ruleDocsBase = typeof options.ruleDocsBase === 'string' && options.ruleDocsBase ? options.ruleDocsBase : undefined;
    watching = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    supportsProgress = capabilities.window?.workDoneProgress === true;
    supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => uriToPath(folder.uri))
      .filter((path): path is string => path !== undefined);
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnostics = new DiagnosticsService(
      connection,
      store,
      (doc) => {
        const path = uriToPath(doc.uri);
        const { result, inputs } = tracker.record(() => {
          if (!settings.validationEnabled || doc.kind === 'other') return [];
          const config = configFor(path);
          // `ignore:` in `.cardwright.yaml`: no diagnostics, as the CLI never checks the file.
          if (isIgnored(config, path)) return [];
          const options = {
            schemas,
            fs: tracker.fs,
            config,
            path,
            workspaceSchemas,
            sha256: runtime.runDeps.sha256,
            runs: linkedRuns.records,
          };
          return toLspDiagnostics(doc.uri, checkDocument(doc, options), ruleDocsBase);
        });
        // Its folder's entries decide the kind (a weights file next to a README makes it a card).
        if (path) inputs.folders.add(dirname(path));
        const runPath = settings.validationEnabled ? linkedRunPath(doc, path) : undefined;
        if (runPath) {
          linkedRuns.want(runPath);
          mergeInputs(inputs, linkedRuns.inputsOf(runPath));
        }
        documentInputs.set(doc.uri, { inputs, runPath });
        scheduleWatchers();
        cards.changed();
        return result;
      },
      pull ? 'pull' : 'push',
      capabilities.workspace?.diagnostics?.refreshSupport === true,
    );
    // The Cards view's request and the summary line (codeLens): handlers registered by CardsView.
    const cardDeps = { connection, schemas, store, diagnostics, settings, configFor, trusted, workspaceSchemas };
    cards = new CardsView({ ...cardDeps, ...runtime, workspaceFolders: () => workspaceFolders }, capabilities);
    return initializeResult(capabilities);
  });

  connection.onInitialized(async () => {
    scheduleWatchers();
    const before = settings.signature;
    await settings.refresh().catch(() => undefined);
    // Documents opened before the settings arrived were checked without them: check them again,
    // but only when the settings say anything (a needless refresh makes the editor re-pull all).
    if (settings.signature !== before) {
      store.forgetAll();
      diagnostics.invalidateAll();
      cards.invalidate();
    }
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'cardwright' })
      .catch(() => undefined);
    if (supportsWorkspaceFolders) {
      // Check Workspace and the run search cover folders added after start too.
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
        const added = event.added
          .map((folder) => uriToPath(folder.uri))
          .filter((path): path is string => path !== undefined);
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...added];
      });
    }
    if (!trusted)
      connection.console.info('Workspace is untrusted: only bundled schemas are used and nothing is written.');
  });

  connection.onDidChangeConfiguration(async (change) => {
    await settings.refresh(change.settings).catch(() => undefined);
    store.forgetAll();
    diagnostics.invalidateAll();
    cards.invalidate();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const paths = changes.map((change) => uriToPath(change.uri)).filter((path): path is string => !!path);
    for (const path of paths) tracker.invalidate(path);
    for (const path of paths) linkedRuns.invalidate(path);
    cards.invalidate();
    if (paths.some((path) => isProjectConfigFile(basename(path)))) {
      // Settings for any document may have changed: everything is checked again.
      resolver = new ProjectConfigResolver(runtime.fs, schemas);
      store.forgetAll();
      diagnostics.invalidateAll();
      return;
    }
    // Only the documents that read a changed path (or one below a changed folder).
    const affected = [...documentInputs]
      .filter(([, entry]) => paths.some((path) => affectedBy(entry.inputs, path)))
      .map(([uri]) => uri);
    for (const uri of affected) store.forget(uri);
    diagnostics.invalidate(affected);
  });

  /** The watchers registered now (the client's `didChangeWatchedFiles` for exactly these paths). */
  let registration: Disposable | undefined;
  let registered = '';
  let registeredWatchers: FileSystemWatcher[] = [];
  let watcherUpdate: NodeJS.Timeout | undefined;
  let registering: Promise<void> = Promise.resolve();
  const scheduleWatchers = (): void => {
    if (!watching || watcherUpdate) return;
    watcherUpdate = setTimeout(() => {
      watcherUpdate = undefined;
      registering = registering.then(updateWatchers, updateWatchers);
    }, 20);
  };
  const updateWatchers = async (): Promise<void> => {
    const all = emptyInputs();
    for (const [uri, entry] of documentInputs) if (store.isOpen(uri)) mergeInputs(all, entry.inputs);
    tracker.retain(all);
    linkedRuns.retain(new Set([...documentInputs.values()].flatMap((entry) => entry.runPath ?? [])));
    const watchers = watchersFor(all, relativePatterns);
    const signature = JSON.stringify(watchers);
    if (signature === registered) return;
    registered = signature;
    registeredWatchers = watchers;
    const previous = registration;
    registration = await connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch(() => undefined);
    previous?.dispose();
  };

  documents.onDidOpen(({ document }) => {
    const path = uriToPath(document.uri);
    const pushedTo = path === undefined ? undefined : workspaceChecked.get(path);
    if (path !== undefined && pushedTo !== undefined) {
      // The editor's live diagnostics take over from the ones read from disk.
      workspaceChecked.delete(path);
      void connection.sendDiagnostics({ uri: pushedTo, diagnostics: [] });
    }
  });
  documents.onDidChangeContent(({ document }) => diagnostics.changed(document.uri));
  documents.onDidClose(({ document }) => {
    store.forget(document.uri);
    documentInputs.delete(document.uri);
    scheduleWatchers();
    diagnostics.closed(document.uri);
    cards.closed(document.uri);
  });

  connection.languages.diagnostics.on((params, token) => diagnostics.pull(params, token));

  connection.onCodeAction((params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc || doc.kind === 'other') return [];
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((requested) => kind.startsWith(requested));
    if (wants(CodeActionKind.QuickFix)) {
      for (const lspDiagnostic of params.context.diagnostics) {
        const diagnostic = fromLspDiagnostic(lspDiagnostic);
        if (!diagnostic) continue;
        for (const fix of quickFixes(doc, diagnostic)) actions.push(toCodeAction(doc, fix, lspDiagnostic));
      }
    }
    if (wants(CodeActionKind.QuickFix)) actions.push(...exampleCodeActions(doc.uri, params.context.diagnostics));
    if (wants(CodeActionKind.QuickFix)) {
      // "Disable CODE for this line / file" last: after the fixes that repair the finding.
      for (const lspDiagnostic of params.context.diagnostics) {
        const diagnostic = fromLspDiagnostic(lspDiagnostic);
        if (!diagnostic) continue;
        for (const fix of disableFixes(doc, diagnostic)) actions.push(toCodeAction(doc, fix, lspDiagnostic));
      }
    }
    if (wants(CodeActionKind.RefactorRewrite)) {
      const span = { start: doc.text.offsetAt(params.range.start), end: doc.text.offsetAt(params.range.end) };
      for (const fix of refactorsAt(doc, span)) actions.push(toCodeAction(doc, fix));
    }
    return actions;
  });

  connection.onCompletion((params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc || doc.kind === 'other') return [];
    return completeAt(doc, params.position, schemas).map((completion) => toCompletionItem(doc, completion));
  });

  connection.onHover((params) => {
    const doc = store.get(params.textDocument.uri);
    const hover = doc && doc.kind !== 'other' ? hoverAt(doc, params.position, schemas) : undefined;
    return doc && hover ? toHover(doc, hover) : null;
  });

  connection.onDocumentSymbol((params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc || doc.kind === 'other') return [];
    return documentSymbols(doc).map((symbol) => toDocumentSymbol(doc, symbol));
  });

  const scaffoldDeps = (): ScaffoldDeps => ({
    fs: runtime.fs,
    sha256: runtime.sha256,
    workspaceFolders,
    document: (uri) => store.get(uri) ?? readFromDisk(uri),
    configFor: (path) => configFor(path),
  });
  const readFromDisk = (uri: string): ParsedDocument | undefined => readDocument(runtime.fs, uri);

  const linkDeps = (): LinkDeps => ({
    runDeps: runtime.runDeps,
    workspaceFolders,
    document: (uri: string) => store.get(uri) ?? readFromDisk(uri),
  });
  const runCheckWorkspace = async (): Promise<CheckWorkspaceResult> => {
    const result = await checkWorkspace(workspaceFolders, {
      connection,
      fs: runtime.fs,
      schemas,
      configFor,
      workspaceSchemas,
      ruleDocsBase,
      runDeps: runtime.runDeps,
      isOpen: (uri) => store.isOpen(uri),
      published: (uri) => {
        const path = uriToPath(uri);
        if (path !== undefined) workspaceChecked.set(path, uri);
      },
      supportsProgress,
    });
    return { files: result.files, errors: result.errors, warnings: result.warnings };
  };

  // The custom requests (protocol.ts): typed on both sides.
  connection.onRequest(PlanExampleRequest, (params) => planExample(params, scaffoldDeps()));
  connection.onRequest(PlanNewCardRequest, (params) => planCard(params, scaffoldDeps()));
  connection.onRequest(GettingStartedRequest, (params) => gettingStartedSection(params, scaffoldDeps()));
  connection.onRequest(DiscoverRunsRequest, (params) => listRuns(params, linkDeps()));
  connection.onRequest(LinkRunRequest, (params) => linkEdits(params, linkDeps()));
  connection.onRequest(CheckWorkspaceRequest, runCheckWorkspace);
  connection.onRequest(DebugStatsRequest, () => {
    // With `node --expose-gc` the heap is measured without garbage (the load tests compare it).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    return {
      checks: diagnostics.checks,
      watchers: registeredWatchers,
      cardChecks: cards.diskChecks,
      memory: { heapUsed, rss, collected: gc !== undefined },
      parsedDocuments: store.parsedCount,
      openDocuments: documents.keys().length,
      cachedResults: diagnostics.cachedResults,
    };
  });
  // Check Workspace as a command, for editors that cannot send a custom request.
  connection.onExecuteCommand(async (params) =>
    params.command === Commands.checkWorkspace ? runCheckWorkspace() : undefined,
  );

  documents.listen(connection);
  connection.listen();
}
