import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ParsedDocument } from '../core/document/parsedDocument';
import type { DocumentStore } from './documentStore';

/** Validations cheaper than this always run at once. */
const IMMEDIATE_BELOW_MS = 8;
const MAX_DELAY_MS = 400;

/**
 * How long to wait before checking a document whose check costs `costMs`, when its previous change
 * came `sinceLastChangeMs` ago (undefined: the first). A change after a pause is checked at once:
 * waiting would only add latency (issue 13). Only changes coming faster than a check takes wait
 * about as long as a check costs, so a burst of keystrokes costs one check, not one per key that
 * would leave the server behind the typing.
 */
export function publishDelay(costMs: number, sinceLastChangeMs: number | undefined): number {
  if (costMs < IMMEDIATE_BELOW_MS || sinceLastChangeMs === undefined || sinceLastChangeMs >= costMs) return 0;
  return Math.min(Math.round(costMs), MAX_DELAY_MS);
}

interface Result {
  version: number;
  generation: string;
  diagnostics: Diagnostic[];
}

/**
 * Computes, caches and delivers diagnostics for open documents, by pull (`textDocument/diagnostic`)
 * when the client supports it and by push otherwise. There is no fixed debounce: a change is
 * checked on the next tick, unless changes come faster than the document's check takes
 * (publishDelay). Results are cached per version and "generation" (bumped
 * when settings or files the checks read change), and never published for an older version than
 * the editor has.
 */
export class DiagnosticsService {
  private readonly results = new Map<string, Result>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly costMs = new Map<string, number>();
  /** When each document last changed (performance.now()), to tell typing bursts from single edits. */
  private readonly lastChange = new Map<string, number>();
  private generation = 0;
  /** Per document, bumped when only its own inputs changed (a linked file, its run). */
  private readonly documentGenerations = new Map<string, number>();
  /**
   * Per open document, a number no earlier opening had: part of its generation, so a result id
   * from before a close never matches the text opened again under the same version number.
   */
  private readonly openings = new Map<string, number>();
  private opened = 0;
  /** How many checks ran (the `cardwright/debugStats` request: tests assert nothing was re-checked). */
  checks = 0;

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly check: (doc: ParsedDocument) => Diagnostic[],
    private readonly mode: 'push' | 'pull',
    /** Whether the client accepts `workspace/diagnostic/refresh` (otherwise it re-pulls on its own). */
    private readonly canRefresh = true,
  ) {}

  /** The diagnostics of the document's current version (computed at most once per version). */
  diagnosticsFor(doc: ParsedDocument): Diagnostic[] {
    const cached = this.results.get(doc.uri);
    const generation = this.generationOf(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached.diagnostics;
    this.checks++;
    const started = performance.now();
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.check(doc);
    } catch (error) {
      // A bug or a pathological input must cost this document its diagnostics, not the server.
      this.connection.console.error(
        `Checking ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      diagnostics = [];
    }
    const cost = performance.now() - started;
    const previous = this.costMs.get(doc.uri);
    this.costMs.set(doc.uri, previous === undefined ? cost : previous * 0.7 + cost * 0.3);
    this.results.set(doc.uri, { version: doc.version, generation, diagnostics });
    return diagnostics;
  }

  /** Per-document results held (cardwright/debugStats: closed documents leave none). */
  get cachedResults(): number {
    return this.results.size;
  }

  /** A document was opened or changed. */
  changed(uri: string): void {
    if (!this.openings.has(uri)) this.openings.set(uri, ++this.opened);
    if (this.mode === 'push') this.schedule(uri, true);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.costMs.delete(uri);
    this.lastChange.delete(uri);
    this.documentGenerations.delete(uri);
    this.openings.delete(uri);
    if (this.mode === 'push') void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or watched files changed: every open document must be checked again. */
  invalidateAll(): void {
    this.generation++;
    if (this.mode === 'pull') {
      if (this.canRefresh) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const uri of this.store.openUris()) this.schedule(uri);
    }
  }

  /**
   * Files some open documents read changed: those documents (and no other) are checked again. In
   * pull mode the client re-pulls every document, and the others answer "unchanged".
   */
  invalidate(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) this.documentGenerations.set(uri, (this.documentGenerations.get(uri) ?? 0) + 1);
    if (this.mode === 'pull') {
      if (this.canRefresh) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const uri of uris) this.schedule(uri);
    }
  }

  /** The generation a document's result is valid for: settings-wide, then its own, then its opening. */
  private generationOf(uri: string): string {
    return `${this.generation}.${this.documentGenerations.get(uri) ?? 0}.${this.openings.get(uri) ?? 0}`;
  }

  /** `textDocument/diagnostic`. */
  pull(
    params: DocumentDiagnosticParams,
    token: CancellationToken,
  ): DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData> {
    // The client asks again (retriggerRequest) once its newer edits have arrived.
    if (token.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    }
    const doc = this.store.get(params.textDocument.uri);
    if (!doc) return { kind: 'full', items: [] };
    const resultId = `${doc.version}:${this.generationOf(doc.uri)}`;
    if (params.previousResultId === resultId && this.results.has(doc.uri)) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: this.diagnosticsFor(doc) };
  }

  /** `edit`: the document's text changed (settings and watched files re-check without being typing). */
  private schedule(uri: string, edit = false): void {
    clearTimeout(this.timers.get(uri));
    const now = performance.now();
    const previous = this.lastChange.get(uri);
    if (edit) this.lastChange.set(uri, now);
    const delay = publishDelay(this.costMs.get(uri) ?? 0, previous === undefined ? undefined : now - previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri);
      }, delay),
    );
  }

  private publish(uri: string): void {
    const doc = this.store.get(uri);
    if (!doc) return;
    const diagnostics = this.diagnosticsFor(doc);
    // Never publish for a version older than the editor has (its own schedule() covers the newer).
    if (this.store.currentVersion(uri) !== doc.version) return;
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }
}
