import { affectedBy, emptyInputs, recordingFileSystem, type CheckInputs } from '../core/inputs';
import { isInside, isSameOrInside } from '../core/paths';
import { readLinkedRun } from '../core/provenance/linkedRun';
import type { RunDeps } from '../core/runs/runDeps';
import { splitRecordPath, type RunRecord } from '../core/runs/runRecord';

/**
 * The runs open cards link, read once (asynchronously: an `mlflow.db` record needs the SQLite
 * reader) and kept until a watch event touches one of the files the read looked at. The records
 * are the checks' `runs` (CheckOptions.runs), so a keystroke in a linked card reads no run.
 */
export class LinkedRuns {
  readonly records = new Map<string, RunRecord>();
  /** Runs read (found or not), with the paths the read asked about. */
  private readonly done = new Map<string, CheckInputs>();
  private readonly pending = new Set<string>();
  /** Changed while being read: read again when the read in flight ends. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly deps: RunDeps,
    /** A run's record is in `records` now (or known to be missing): re-check the cards linking it. */
    private readonly onRead: (runPath: string) => void,
  ) {}

  /** A check saw this link: read the run unless it is read or being read. */
  want(runPath: string): void {
    if (this.done.has(runPath) || this.pending.has(runPath)) return;
    this.pending.add(runPath);
    const inputs = emptyInputs();
    inputs.files.add(splitRecordPath(runPath).file);
    const deps = { ...this.deps, fs: recordingFileSystem(this.deps.fs, inputs) };
    void readLinkedRun(runPath, deps, this.records)
      .catch(() => false)
      .then(() => {
        this.pending.delete(runPath);
        if (this.stale.delete(runPath)) {
          this.forget(runPath);
          this.want(runPath);
          return;
        }
        this.done.set(runPath, inputs);
        this.onRead(runPath);
      });
  }

  /** What reading the run looked at (empty until it was read). */
  inputsOf(runPath: string): CheckInputs {
    return this.done.get(runPath) ?? emptyInputs();
  }

  /** A watch event: forgets every run whose files it touches. Returns the runs forgotten. */
  invalidate(changed: string): string[] {
    const touched = (runPath: string, inputs: CheckInputs): boolean => {
      const { file } = splitRecordPath(runPath);
      return affectedBy(inputs, changed) || isSameOrInside(file, changed) || isInside(changed, file);
    };
    for (const runPath of this.pending) if (touched(runPath, emptyInputs())) this.stale.add(runPath);
    const forgotten = [...this.done].filter(([runPath, inputs]) => touched(runPath, inputs)).map(([path]) => path);
    for (const runPath of forgotten) this.forget(runPath);
    return forgotten;
  }

  /** Documents closed: runs no open card links are dropped. */
  retain(linked: ReadonlySet<string>): void {
    for (const runPath of [...this.done.keys()]) if (!linked.has(runPath)) this.forget(runPath);
  }

  private forget(runPath: string): void {
    this.done.delete(runPath);
    const { file } = splitRecordPath(runPath);
    for (const key of [...this.records.keys()]) if (splitRecordPath(key).file === file) this.records.delete(key);
  }
}
