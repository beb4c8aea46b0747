import type { FileSystem } from '../core/fileSystem';
import { readLinkedRun } from '../core/provenance/linkedRun';
import type { RunRecord } from '../core/runs/runRecord';
import { createSqlJsReader, type SqliteReader } from '../core/runs';
import { nodeSha256, readSqlWasm } from '../node/runDeps';
import { RecordingFileSystem, type Fingerprints } from './checkInputs';

export interface LinkedRun {
  /** The records read for the run (the checks' `runs`): the run, or its database's other runs. */
  runs: Map<string, RunRecord>;
  /** What reading it asked the file system: inputs of every card that links this run. */
  inputs: Fingerprints;
}

/**
 * The runs cards link, each read once per thread however many cards link it (a run in
 * `mlflow.db` through the async SQLite reader, which a check cannot call), with the files read
 * for it, so a cached result of a card is dropped when its run changes.
 */
export class LinkedRuns {
  private readonly read = new Map<string, Promise<LinkedRun>>();
  /** One SQLite reader: it compiles its wasm on first use and keeps it. */
  private readonly sqlite: SqliteReader = createSqlJsReader(readSqlWasm);

  constructor(private readonly fs: FileSystem) {}

  get(runPath: string): Promise<LinkedRun> {
    let found = this.read.get(runPath);
    if (!found) {
      found = readRecorded(runPath, this.fs, this.sqlite);
      this.read.set(runPath, found);
    }
    return found;
  }
}

async function readRecorded(runPath: string, fs: FileSystem, sqlite: SqliteReader): Promise<LinkedRun> {
  const recorder = new RecordingFileSystem(fs);
  const inputs: Fingerprints = new Map();
  recorder.sink = inputs;
  const runs = new Map<string, RunRecord>();
  await readLinkedRun(runPath, { fs: recorder.fs, sha256: nodeSha256, sqlite }, runs).catch(() => false);
  recorder.sink = undefined;
  return { runs, inputs };
}
