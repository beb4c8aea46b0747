import { ParsedDocument } from '../core/document/parsedDocument';
import { dirname, joinPath } from '../core/fileSystem';
import { linkRun, readLinkFacts } from '../core/provenance';
import { resolvePath } from '../core/git/repository';
import { isInside } from '../core/paths';
import { discoverRuns, readRun, type RunDeps, type RunRecord } from '../core/runs';
import { splitRecordPath } from '../core/runs/runRecord';
import { folderOf, uriToPath } from './documentStore';
import type { LinkEditResult, LinkParams, RunSummary, RunsParams } from './protocol';

export interface LinkDeps {
  runDeps: RunDeps;
  workspaceFolders: readonly string[];
  document(uri: string): ParsedDocument | undefined;
}

/** The workspace's runs, newest first, summarised for the client's QuickPick. */
export async function listRuns(params: RunsParams, deps: LinkDeps): Promise<RunSummary[]> {
  const cardPath = uriToPath(params.uri);
  if (!cardPath) return [];
  const root = folderOf(cardPath, deps.workspaceFolders) ?? dirname(cardPath);
  const runs = await discoverRuns(root, deps.runDeps);
  return runs.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '')).map((run) => summarise(run));
}

/** The one training config beside the card, when the run records none (train.yaml and the like). */
function configBesideCard(cardPath: string, deps: LinkDeps): string | undefined {
  const folder = dirname(cardPath);
  const configs = deps.runDeps.fs.readDirectory(folder).filter((name) => {
    if (!/\.(ya?ml|json)$/i.test(name) || name === 'config.json') return false;
    const text = deps.runDeps.fs.readFile(joinPath(folder, name));
    if (text === undefined) return false;
    return (
      new ParsedDocument({ uri: joinPath(folder, name), fileName: name, version: 0, text }).kind === 'training-config'
    );
  });
  return configs.length === 1 ? joinPath(folder, configs[0]!) : undefined;
}

function summarise(run: RunRecord): RunSummary {
  const metrics = Object.entries(run.metrics)
    .slice(0, 4)
    .map(([name, value]) => `${name}=${Number.isInteger(value) ? value : value.toPrecision(4)}`);
  return {
    path: run.path,
    tracker: run.tracker,
    name: run.name,
    id: run.id,
    status: run.status,
    start: run.start,
    metrics,
    notes: run.notes,
  };
}

/**
 * The edits that write the run's provenance block (and, if asked, its metrics) into the open
 * card. The client applies them as a WorkspaceEdit, so the user can undo.
 */
export async function linkEdits(params: LinkParams, deps: LinkDeps): Promise<LinkEditResult | null> {
  const doc = deps.document(params.uri);
  const cardPath = uriToPath(params.uri);
  if (!doc || !cardPath) return null;
  // The editor links runs of the workspace only (the picker lists no other): a path from
  // elsewhere (`../../x`, `/home/...`) is not read at all.
  const root = folderOf(cardPath, deps.workspaceFolders) ?? dirname(cardPath);
  const runFile = resolvePath(dirname(cardPath), splitRecordPath(params.runPath).file);
  if (!isInside(runFile, root))
    return {
      version: doc.version,
      edits: [],
      notes: [],
      metricChanges: 0,
      problem: `${params.runPath} is outside the workspace folder: Cardwright links only runs inside it.`,
    };
  const run = await readRun(params.runPath, deps.runDeps);
  if (!run)
    return {
      version: doc.version,
      edits: [],
      notes: [],
      metricChanges: 0,
      problem: `No run could be read at ${params.runPath}.`,
    };
  const configPath = run.config?.path ?? configBesideCard(cardPath, deps);
  const facts = readLinkFacts(cardPath, run, { fs: deps.runDeps.fs, sha256: deps.runDeps.sha256, doc, configPath });
  const result = linkRun(doc, run, facts, { writeMetrics: params.writeMetrics });
  return {
    version: doc.version,
    edits: result.edits.map((edit) => ({ range: doc.text.rangeOf(edit.span), newText: edit.newText })),
    notes: result.notes,
    metricChanges: result.metricChanges.length,
    problem: result.problem,
  };
}
