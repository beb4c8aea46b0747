import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  type ClientCapabilities,
  type CodeLens,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver';
import { isIgnored } from '../core/configForFile';
import type { CardDiagnostic } from '../core/diagnostic';
import type { ParsedDocument } from '../core/document/parsedDocument';
import type { FileSystem } from '../core/fileSystem';
import type { ProjectConfig } from '../core/projectConfig';
import { linkedRunPath } from '../core/provenance/linkedRun';
import { plural, summarizeCard } from '../core/report/cardSummary';
import type { RunDeps } from '../core/runs/runDeps';
import type { RunRecord } from '../core/runs/runRecord';
import type { SchemaRegistry } from '../core/schemas/registry';
import type { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import { findCandidateFiles } from '../core/workspace/scan';
import { fromLspDiagnostic } from './convert';
import type { DiagnosticsService } from './diagnostics';
import { folderOf, uriToPath, type DocumentStore } from './documentStore';
import {
  CardsChangedNotification,
  CardsRequest,
  ClientCommands,
  driftWords,
  type CardItem,
  type CardsParams,
  type CardsResult,
} from './protocol';
import type { SettingsStore } from './settings';
import { checkFileWithRun } from './workspaceCheck';

export interface CardsViewDeps {
  connection: Connection;
  fs: FileSystem;
  schemas: SchemaRegistry;
  store: DocumentStore;
  diagnostics: DiagnosticsService;
  settings: SettingsStore;
  runDeps: RunDeps;
  configFor(path: string): ProjectConfig;
  workspaceSchemas?: WorkspaceSchemaLoader;
  workspaceFolders(): readonly string[];
  trusted: boolean;
}

const NOTIFY_DELAY_MS = 300;

/**
 * The Cards view's data (`cardwright/cards`) and the summary line above each card
 * (`textDocument/codeLens`), both from core/report/cardSummary. Open documents use the
 * diagnostics the editor has (cached per version and generation); files on disk are checked as
 * Check Workspace checks them and kept until their text, the settings or a watched file change.
 */
export class CardsView {
  private readonly disk = new Map<string, { text: string; generation: number; item: CardItem | undefined }>();
  private readonly open = new Map<string, { version: number; diagnostics: Diagnostic[]; item: CardItem }>();
  private files: string[] | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  /** Whether the client takes `workspace/codeLens/refresh`. */
  private readonly canRefreshLenses: boolean;
  /** Files checked from disk since start (tests assert a refresh re-checks nothing unchanged). */
  diskChecks = 0;

  constructor(
    private readonly deps: CardsViewDeps,
    capabilities: ClientCapabilities,
  ) {
    this.canRefreshLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    deps.connection.onCodeLens((params) => this.codeLenses(params.textDocument.uri));
    deps.connection.onRequest(CardsRequest, (params) => this.cards(params));
  }

  /** A check of an open document ran: the view and summary lines may differ (at most every 300 ms). */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.deps.connection.sendNotification(CardsChangedNotification);
      // A linked run read after the check changes drift without an edit: redraw the summary lines.
      if (this.canRefreshLenses) this.deps.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, NOTIFY_DELAY_MS);
  }

  /** Settings, `.cardwright.yaml` or watched files changed: disk summaries are recomputed. */
  invalidate(): void {
    this.generation++;
    this.changed();
  }

  /** A document closed: from now on its file on disk is what counts. */
  closed(uri: string): void {
    this.open.delete(uri);
    const path = uriToPath(uri);
    if (path) this.disk.delete(path);
    this.changed();
  }

  /** `cardwright/cards`, one at a time (a second request waits for the first's cache). */
  cards(params: CardsParams | undefined): Promise<CardsResult> {
    const next = this.running.then(() => this.compute(params?.rescan === true));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async compute(rescan: boolean): Promise<CardsResult> {
    const { deps } = this;
    if (rescan || !this.files) {
      const found = new Set(deps.workspaceFolders().flatMap((folder) => findCandidateFiles(deps.fs, folder)));
      this.files = [...found].sort();
    }
    const openByPath = new Map<string, string>();
    // Open files inside the workspace folders (a card opened from elsewhere is not the workspace's).
    for (const uri of deps.store.openUris()) {
      const path = uriToPath(uri);
      if (path && folderOf(path, deps.workspaceFolders())) openByPath.set(path, uri);
    }
    const paths = [...new Set([...this.files, ...openByPath.keys()])];
    const cards: CardItem[] = [];
    const runs = new Map<string, RunRecord>();
    for (const path of paths) {
      if (isIgnored(deps.configFor(path), path)) continue;
      const openUri = openByPath.get(path);
      const item = openUri ? this.openItem(openUri) : await this.diskItem(path, rescan, runs);
      if (item && item.kind !== 'project-config') cards.push(item);
    }
    return { cards, trusted: deps.trusted };
  }

  private openItem(uri: string): CardItem | undefined {
    const doc = this.deps.store.get(uri);
    const path = uriToPath(uri);
    if (!doc || !path || doc.kind === 'other') return undefined;
    const diagnostics = this.deps.diagnostics.diagnosticsFor(doc);
    const cached = this.open.get(uri);
    if (cached && cached.version === doc.version && cached.diagnostics === diagnostics) return cached.item;
    const core = diagnostics.map(fromLspDiagnostic).filter((d): d is CardDiagnostic => d !== undefined);
    const item = this.toItem(uri, path, doc, core, true);
    this.open.set(uri, { version: doc.version, diagnostics, item });
    return item;
  }

  private async diskItem(path: string, reread: boolean, runs: Map<string, RunRecord>): Promise<CardItem | undefined> {
    const cached = this.disk.get(path);
    if (cached && !reread && cached.generation === this.generation) return cached.item;
    const text = this.deps.fs.readFile(path);
    if (text === undefined) return undefined;
    if (cached && cached.text === text && cached.generation === this.generation) return cached.item;
    const { deps } = this;
    this.diskChecks++;
    const report = await checkFileWithRun(path, deps, runs);
    const item = report?.doc
      ? this.toItem(pathToFileURL(path).href, path, report.doc, report.diagnostics, false)
      : undefined;
    this.disk.set(path, { text, generation: this.generation, item });
    // Yield between files: the server keeps answering the editor.
    await new Promise((resolve) => setImmediate(resolve));
    return item;
  }

  private toItem(
    uri: string,
    path: string,
    doc: ParsedDocument,
    diagnostics: readonly CardDiagnostic[],
    open: boolean,
  ): CardItem {
    const summary = summarizeCard(path, doc, diagnostics, this.deps.configFor(path));
    const item: CardItem = {
      uri,
      path,
      kind: summary.kind as CardItem['kind'],
      title: summary.title,
      counts: summary.counts,
      blockers: summary.blockers,
      open,
    };
    if (summary.concepts) item.concepts = summary.concepts;
    if (summary.provenance) {
      const { tracker, runId, runPath, drift } = summary.provenance;
      item.provenance = {
        tracker,
        runId,
        runPath,
        resolvedRunPath: linkedRunPath(doc, path),
        drift: drift.map((code) => ({
          code,
          line: diagnostics.find((d) => d.code === code)?.range.start.line ?? 0,
        })),
      };
    }
    return item;
  }

  /** The summary line above the title (or line 1): one lens per clickable part. */
  codeLenses(uri: string): CodeLens[] {
    if (!this.deps.settings.codeLensEnabled) return [];
    const doc = this.deps.store.get(uri);
    if (!doc || doc.kind === 'other' || doc.kind === 'project-config') return [];
    const item = this.openItem(uri);
    if (!item) return [];
    const line = doc.title()?.span ? doc.text.positionAt(doc.title()!.span.start).line : 0;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const lens = (title: string, command: string, args: unknown[] = []): CodeLens => ({
      range,
      command: { title, command, arguments: args },
    });
    const lenses: CodeLens[] = [];
    if (item.concepts) {
      const answered = item.concepts.filter((concept) => concept.answered).length;
      lenses.push(lens(`${answered}/${item.concepts.length} questions answered`, ClientCommands.revealCard, [uri]));
    }
    const provenance = item.provenance;
    if (provenance?.runPath !== undefined) {
      const id = provenance.runId ? provenance.runId.slice(0, 6) : provenance.runPath;
      const run = `linked to run ${id}${provenance.tracker ? ` (${provenance.tracker})` : ''}`;
      lenses.push(lens(run, ClientCommands.openRun, [provenance.resolvedRunPath ?? provenance.runPath]));
      const drift = provenance.drift.length
        ? `drift: ${provenance.drift.map((d) => driftWords(d.code)).join(', ')}`
        : 'no drift';
      lenses.push(lens(drift, ClientCommands.showProblems));
    } else if (doc.kind === 'model-card') {
      lenses.push(lens('no linked run', ClientCommands.linkTrainingRun, [{ uri }]));
    }
    const { error, warning } = item.counts;
    const findings =
      error + warning === 0
        ? 'no errors'
        : [error ? plural(error, 'error') : '', warning ? plural(warning, 'warning') : ''].filter(Boolean).join(', ');
    lenses.push(lens(findings, ClientCommands.showProblems));
    return lenses;
  }
}
