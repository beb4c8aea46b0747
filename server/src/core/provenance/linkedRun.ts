import type { ParsedDocument } from '../document/parsedDocument';
import { basename, dirname, type FileSystem } from '../fileSystem';
import { readRun, readRunSync } from '../runs/discover';
import { readMlflowDatabase } from '../runs/mlflowDb';
import type { RunDeps } from '../runs/runDeps';
import { readCardLinks } from './cardLinks';
import { resolveBlockPath } from './paths';
import { splitRecordPath, type RunRecord } from '../runs/runRecord';

/** What the drift checks need from their host: files, hashing, and runs it has already read. */
export interface LinkedRunHost {
  fs: FileSystem;
  sha256?: (bytes: Uint8Array) => string;
  /** Records the host read asynchronously (discoverRuns, readRun), by absolute record path. */
  runs?: ReadonlyMap<string, RunRecord>;
}

export type LinkedRunState =
  | { state: 'found'; run: RunRecord }
  | { state: 'gone'; reason: string }
  /** A database record the host has not read: checked no further (no synchronous SQLite). */
  | { state: 'unknown' };

/**
 * The linked run as its files are now. A record the host passes in `runs` is used as it is (the
 * host keeps it fresh, e.g. from file watching, and saves re-reading a large run on every
 * keystroke); otherwise a folder is read again on every check (a run folder can be rewritten: a
 * resumed run, a new `dvc repro`). A record in `mlflow.db` needs the asynchronous SQLite reader,
 * so without the host's record it is checked no further than its database file.
 */
export function linkedRunState(path: string, expected: { id?: string }, host: LinkedRunHost): LinkedRunState {
  const { file, recordId } = splitRecordPath(path);
  if (!host.fs.exists(file)) {
    const what = recordId === undefined ? 'the run folder' : 'the database';
    return { state: 'gone', reason: `${what} ${basename(file)} no longer exists` };
  }
  let run = host.runs?.get(path);
  if (!run && recordId !== undefined) {
    const databaseRead = [...(host.runs?.keys() ?? [])].some((key) => splitRecordPath(key).file === file);
    return databaseRead
      ? { state: 'gone', reason: `${basename(file)} holds no run ${recordId}` }
      : { state: 'unknown' };
  }
  if (!run) {
    if (!host.fs.isDirectory(file)) return { state: 'gone', reason: `${basename(file)} is not a run folder` };
    // Without the host's hash, config hashes and DVC's lock-hash id are not computed (see below).
    run = readRunSync(file, { fs: host.fs, sha256: host.sha256 ?? ((): string => '') });
    if (!run) return { state: 'gone', reason: `${basename(file)} no longer holds a run of any tracker` };
  }
  // A DVC run's id is the hash of dvc.lock: comparable only when it was really hashed.
  const comparable = run.tracker !== 'dvc' || host.sha256 !== undefined || host.runs?.has(path) === true;
  if (expected.id && comparable && run.id !== expected.id) {
    const why =
      run.tracker === 'dvc'
        ? `dvc.lock changed since the link (the pipeline ran again): it is now run ${run.id}`
        : `${basename(file)} now holds run ${run.id}`;
    return { state: 'gone', reason: why };
  }
  return { state: 'found', run };
}

/**
 * The absolute record path of the run a card's provenance block links, if any: what a host reads
 * ahead (readLinkedRun) and passes in `runs`, so a check never reads the run itself.
 */
export function linkedRunPath(doc: ParsedDocument, cardPath: string | undefined): string | undefined {
  if (!cardPath || doc.kind !== 'model-card') return undefined;
  const written = readCardLinks(doc)?.run?.path.value;
  return written === undefined ? undefined : resolveBlockPath(dirname(cardPath), written);
}

/**
 * Reads the linked run at `path` (a folder, or `mlflow.db#<id>` with the async SQLite reader) into
 * `into`, keyed by `path` as the drift checks look it up. A database record that is not there
 * leaves the database's other runs in `into`, so the check says the record is gone. Returns
 * whether anything was found.
 */
export async function readLinkedRun(path: string, deps: RunDeps, into: Map<string, RunRecord>): Promise<boolean> {
  const record = await readRun(path, deps);
  if (record) {
    into.set(path, record);
    return true;
  }
  const { file, recordId } = splitRecordPath(path);
  if (recordId === undefined) return false;
  const others = await readMlflowDatabase(file, deps);
  for (const run of others) into.set(run.path, run);
  return others.length > 0;
}
