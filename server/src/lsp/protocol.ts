/**
 * The custom part of the protocol between the VS Code client and the server: one typed request
 * per custom call (as rust-analyzer's lsp_ext.ts), and the shapes they carry. The client imports
 * only this module from the server's sources (an ESLint rule keeps it so), so the two sides
 * cannot drift and no call needs a cast.
 */
import { NotificationType0, RequestType, RequestType0, type FileSystemWatcher } from 'vscode-languageserver-protocol';

/** Check every card and config in the workspace folders into the Problems panel. */
export const CheckWorkspaceRequest = new RequestType0<CheckWorkspaceResult, void>('cardwright/checkWorkspace');

/**
 * How much the server did: checks run and the file watchers it registered. For tests (a file
 * written where no check looks must not re-check anything) and for diagnosing a busy server.
 */
export const DebugStatsRequest = new RequestType0<DebugStats, void>('cardwright/debugStats');

export interface DebugStats {
  /** Document checks run since start (a cached result does not count). */
  checks: number;
  /** The `workspace/didChangeWatchedFiles` watchers registered now: only what open documents read. */
  watchers: FileSystemWatcher[];
  /** Files the Cards view checked from disk (a cached summary does not count). */
  cardChecks?: number;
  /**
   * Memory, for the load tests: `process.memoryUsage()` in bytes, taken after a full garbage
   * collection when the server runs with `node --expose-gc` (`collected` says whether it did;
   * without it heapUsed includes garbage and is only a rough figure).
   */
  memory?: { heapUsed: number; rss: number; collected: boolean };
  /** Parsed documents the server holds (one per open document at most; 0 once all are closed). */
  parsedDocuments?: number;
  /** Documents open in the server, and per-document diagnostics results it caches. */
  openDocuments?: number;
  cachedResults?: number;
}

/** The example script for a card (never written by the server: the client writes it). */
export const PlanExampleRequest = new RequestType<ExamplePlanParams, ExamplePlanResult | null, void>(
  'cardwright/planExample',
);

/** A new card for a folder; null when the folder has every card name already. */
export const PlanNewCardRequest = new RequestType<NewCardParams, NewCardPlan | null, void>('cardwright/planNewCard');

/** A "How to Get Started" section pointing at a script; null when the card has one. */
export const GettingStartedRequest = new RequestType<GettingStartedParams, LinkEditResult | null, void>(
  'cardwright/gettingStarted',
);

/** The training runs found in the card's workspace. */
export const DiscoverRunsRequest = new RequestType<RunsParams, RunSummary[], void>('cardwright/discoverRuns');

/** The edits that link a run to a card; null when the card is not open or readable. */
export const LinkRunRequest = new RequestType<LinkParams, LinkEditResult | null, void>('cardwright/linkRun');

export { Commands } from './commands';

export interface GettingStartedParams {
  /** The card's URI. */
  uri: string;
  /** Absolute path of the script the section points at. */
  scriptPath: string;
}

export interface NewCardPlan {
  /** Absolute path of the card to create. */
  path: string;
  text: string;
}

export interface RunsParams {
  uri: string;
}

/** What the Link Training Run picker shows for one run. */
export interface RunSummary {
  path: string;
  tracker: string;
  name: string;
  id: string;
  status: string;
  start?: string;
  /** A few final metrics, `name=value`. */
  metrics: string[];
  notes: string[];
}

export interface LinkParams {
  uri: string;
  runPath: string;
  writeMetrics?: boolean;
}

export interface LinkEditResult {
  /** The version of the open document the edits are for. */
  version: number;
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[];
  notes: string[];
  metricChanges: number;
  problem?: string;
}

/** Client commands (contributed in package.json); the server names them in code actions. */
export const ClientCommands = {
  generateExample: 'cardwright.generateExample',
  newModelCard: 'cardwright.newModelCard',
  newDatasetCard: 'cardwright.newDatasetCard',
  linkTrainingRun: 'cardwright.linkTrainingRun',
  /** Args `[uri]`: focus the card's entry in the Cards view. */
  revealCard: 'cardwright.cards.reveal',
  /** Args `[runPath]`: reveal a linked run (a folder or a file) in the Explorer. */
  openRun: 'cardwright.openRun',
  /** No args: the Problems panel. */
  showProblems: 'workbench.actions.view.problems',
} as const;

/**
 * The Cards view: every card and training config of the workspace folders with its summary (as
 * core/report/cardSummary, which computes it). Open files are summarised from the editor's
 * version, the others from disk; results are cached, so a refresh re-checks only what changed.
 */
export const CardsRequest = new RequestType<CardsParams, CardsResult, void>('cardwright/cards');

export interface CardsParams {
  /** Look for new or removed files and re-read every file on disk (first load, a manual refresh). */
  rescan?: boolean;
}

/** Sent when a summary the Cards view shows may have changed (a check of an open card, settings, files). */
export const CardsChangedNotification = new NotificationType0('cardwright/cardsChanged');

export interface CardsResult {
  cards: CardItem[];
  /** False in an untrusted folder (limited mode: bundled schemas only). */
  trusted: boolean;
}

/** One file in the Cards view. */
export interface CardItem {
  uri: string;
  path: string;
  kind: 'model-card' | 'dataset-card' | 'training-config' | 'project-config';
  title?: string;
  /** Cards: the active profile's questions. */
  concepts?: {
    id: string;
    heading: string;
    question: string;
    answered: boolean;
    via?: string;
    /** 0-based line of the heading, labelled line or sentence that answers it. */
    where?: { line: number; text: string };
  }[];
  provenance?: {
    tracker?: string;
    runId?: string;
    /** As written in the card. */
    runPath?: string;
    /** Absolute (a folder, a file, or `mlflow.db#<id>`). */
    resolvedRunPath?: string;
    /** Drift codes with the line of their first diagnostic. */
    drift: { code: string; line: number }[];
  };
  counts: { error: number; warning: number; info: number; hint: number };
  blockers: string[];
  /** Whether it was summarised from the open document (else from disk). */
  open: boolean;
}

export interface ExamplePlanParams {
  /** The card's URI. */
  uri: string;
  /** Absolute target path; default: the card folder's examples/<model>_inference.py. */
  path?: string;
}

/** As core/scaffold/plan's ExamplePlan, with the target as a path. */
export interface ExamplePlanResult {
  path: string;
  text: string;
  flavour: string;
  modelId: string;
  existing: 'none' | 'unchanged' | 'edited';
  outside: boolean;
}

export interface NewCardParams {
  kind: 'model-card' | 'dataset-card';
  /** Absolute folder path. */
  folder: string;
}

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/** What the client tells the server at start (`initializationOptions`). */
export interface InitializationOptions {
  /** Workspace Trust: false means limited mode (bundled schemas only, nothing written). */
  trusted: boolean;
  /**
   * Where the rule pages are (a URI the editor opens, e.g. the extension's bundled docs/rules/):
   * each diagnostic's code links to `<ruleDocsBase>/<code>.md`. Without it, the pages on GitHub.
   */
  ruleDocsBase?: string;
}

/** The `cardwright` settings section, as VS Code sends it. */
export interface CardwrightSettings {
  validate?: { enable?: boolean };
  codeLens?: { enable?: boolean };
  profile?: string;
  rules?: Record<string, string>;
  schemas?: { schema: string; files: string[] }[];
}

/** How the Cards view and the summary line word a drift code (both sides say it the same way). */
export function driftWords(code: string): string {
  return DRIFT_WORDS[code] ?? code;
}

const DRIFT_WORDS: Record<string, string> = {
  'run-not-found': 'run gone',
  'run-config-changed': 'config changed',
  'run-commit-unknown': 'commit unknown',
  'run-metric-mismatch': 'metric mismatch',
  'revision-unpinned': 'revision unpinned',
};
