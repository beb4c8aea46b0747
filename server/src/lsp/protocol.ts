/**
 * The custom part of the protocol between the VS Code client and the server: command ids and the
 * shapes they carry. Imported by both sides (types and constants only), so they cannot drift.
 */
export const Commands = {
  /** Server command: check every card and config in the workspace folders. */
  checkWorkspace: 'cardwright.server.checkWorkspace',
  /** Server command: the example script for a card ({@link ExamplePlanParams} -> ExamplePlan). */
  planExample: 'cardwright.server.planExample',
  /** Server command: a new card for a folder ({@link NewCardParams} -> NewCardPlan | null). */
  planNewCard: 'cardwright.server.planNewCard',
  /** Server command: a "How to Get Started" section pointing at a script ({uri, scriptPath} -> LinkEditResult | null). */
  gettingStarted: 'cardwright.server.gettingStarted',
  /** Server command: the training runs in the card's workspace ({@link RunsParams} -> RunSummary[]). */
  discoverRuns: 'cardwright.server.discoverRuns',
  /** Server command: the edits that link a run to a card ({@link LinkParams} -> LinkEditResult). */
  linkRun: 'cardwright.server.linkRun',
} as const;

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
} as const;

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
}

/** The `cardwright` settings section, as VS Code sends it. */
export interface CardwrightSettings {
  validate?: { enable?: boolean };
  profile?: string;
  rules?: Record<string, string>;
  schemas?: { schema: string; files: string[] }[];
}
