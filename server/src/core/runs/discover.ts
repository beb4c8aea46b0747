import { basename, joinPath } from '../fileSystem';
import { dvcAdapter } from './dvc';
import { hfTrainerAdapter } from './hfTrainer';
import { hydraAdapter } from './hydra';
import { lightningAdapter } from './lightning';
import { mlflowDbAdapter } from './mlflowDb';
import { mlflowFolderAdapter } from './mlflowFolder';
import type { FolderRuns, RunAdapter } from './runAdapter';
import type { DiscoverOptions, RunDeps } from './runDeps';
import { newRunRecord, splitRecordPath, type RunRecord } from './runRecord';
import { wandbAdapter } from './wandb';

/** In the order `readRun` asks them: the more specific layouts first, a DVC project last. */
export const RUN_ADAPTERS: readonly RunAdapter[] = [
  mlflowFolderAdapter,
  mlflowDbAdapter,
  wandbAdapter,
  hfTrainerAdapter,
  lightningAdapter,
  hydraAdapter,
  dvcAdapter,
];

/** Folders that never hold runs and can be huge. Dot-folders (.git, .venv, .dvc) are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'site-packages', 'venv', 'latest-run']);
/** A folder with more entries than this is data (images, shards): it is looked at but not entered. */
const MAX_ENTRIES_TO_ENTER = 5000;
const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_FOLDERS = 20_000;

/**
 * Every run below `root`, from every tracker, read from files alone (nothing is run).
 * Sorted by path. A folder an adapter fails on still appears, as a record whose note says why.
 */
export async function discoverRuns(root: string, deps: RunDeps, options: DiscoverOptions = {}): Promise<RunRecord[]> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let foldersLeft = options.maxFolders ?? DEFAULT_MAX_FOLDERS;
  const found: (RunRecord[] | Promise<RunRecord[]>)[] = [];
  const stack: { folder: string; depth: number }[] = [{ folder: trimSlash(root), depth: 0 }];
  while (stack.length > 0 && foldersLeft-- > 0) {
    const { folder, depth } = stack.pop() ?? { folder: root, depth: 0 };
    const entries = deps.fs.readDirectory(folder).sort();
    const skips: FolderRuns['skip'][] = [];
    for (const adapter of RUN_ADAPTERS) {
      const runs = readFolderSafely(adapter, folder, entries, deps);
      if (!runs) continue;
      found.push(runs.runs);
      skips.push(runs.skip);
    }
    if (depth >= maxDepth || entries.length > MAX_ENTRIES_TO_ENTER || skips.includes(true)) continue;
    // Pushed in reverse so the stack pops them in name order (stable output for the same tree).
    for (const name of [...entries].reverse()) {
      if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
      if (skips.some((skip) => skip !== true && skip(name))) continue;
      const path = joinPath(folder, name);
      if (deps.fs.isDirectory(path)) stack.push({ folder: path, depth: depth + 1 });
    }
  }
  const runs = (await Promise.all(found)).flat();
  return dedupe(runs).sort((a, b) => compare(a.path, b.path) || compare(a.id, b.id));
}

/**
 * The run at `path`: a run folder, or a record path (`mlflow.db#<run id>`). Undefined when no
 * tracker recognises it, or it holds many runs (an `mlruns` store, a database): list those with
 * `discoverRuns(path)`.
 */
export async function readRun(path: string, deps: RunDeps): Promise<RunRecord | undefined> {
  const target = trimSlash(path);
  for (const adapter of RUN_ADAPTERS) {
    try {
      const record = await adapter.readRun(target, deps);
      if (record) return record;
    } catch (error) {
      return failedRecord(adapter, target, error);
    }
  }
  return undefined;
}

/**
 * The run in a folder, read synchronously: for drift checks, which run inside a synchronous
 * document check. Every folder tracker reads synchronously; a record held in a database
 * (`mlflow.db#<id>`) needs the async SQLite reader, so it gives undefined here (use readRun).
 */
export function readRunSync(path: string, deps: RunDeps): RunRecord | undefined {
  const target = trimSlash(path);
  if (splitRecordPath(target).recordId !== undefined) return undefined;
  for (const adapter of RUN_ADAPTERS) {
    if (adapter === mlflowDbAdapter) continue;
    try {
      const record = adapter.readRun(target, deps);
      if (record instanceof Promise) {
        // Not expected from a folder adapter; dropped (and its failure with it) rather than awaited.
        record.catch(() => undefined);
        continue;
      }
      if (record) return record;
    } catch (error) {
      return failedRecord(adapter, target, error);
    }
  }
  return undefined;
}

/** An adapter bug or an unreadable file must not lose the other runs: it becomes a note. */
function readFolderSafely(
  adapter: RunAdapter,
  folder: string,
  entries: readonly string[],
  deps: RunDeps,
): FolderRuns | undefined {
  try {
    const result = adapter.readFolder(folder, entries, deps);
    if (!result) return undefined;
    const runs = Promise.resolve(result.runs).catch((error: unknown) => [failedRecord(adapter, folder, error)]);
    return { runs, skip: result.skip };
  } catch (error) {
    return { runs: Promise.resolve([failedRecord(adapter, folder, error)]), skip: () => false };
  }
}

function failedRecord(adapter: RunAdapter, path: string, error: unknown): RunRecord {
  const record = newRunRecord(adapter.tracker, path, basename(path));
  record.notes.push(`could not be read: ${error instanceof Error ? error.message : String(error)}`);
  return record;
}

function dedupe(runs: RunRecord[]): RunRecord[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    const key = `${run.tracker}\n${run.path}\n${run.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
