import type { RunDeps } from './runDeps';
import type { RunRecord, Tracker } from './runRecord';

/**
 * One source of runs. The walk shows each adapter every folder it reaches; an adapter that
 * recognises the folder returns its runs. `readRun` reads one run from a path the user gave.
 */
export interface RunAdapter {
  tracker: Tracker;
  /** The runs at `folder` (whose entry names are `entries`), or undefined when it is not this tracker's. */
  readFolder(folder: string, entries: readonly string[], deps: RunDeps): FolderRuns | undefined;
  /** The run at `path` (a run folder, or a record path), or undefined when it is not one of this tracker's. */
  readRun(path: string, deps: RunDeps): RunRecord | undefined | Promise<RunRecord | undefined>;
}

export interface FolderRuns {
  runs: RunRecord[] | Promise<RunRecord[]>;
  /**
   * Subfolders the walk must not enter because they belong to these runs (W&B `files/`, HF
   * `checkpoint-*`): `true` for all of them. Other trackers' runs nested inside are still found.
   */
  skip: true | ((name: string) => boolean);
}
