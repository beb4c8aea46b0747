/**
 * One training run as Cardwright sees it, whichever tool recorded it. Every adapter returns this
 * shape, so linking, drift checks and the run picker never look at a tracker's own files.
 * Fields are filled only from what the run's files record: nothing is inferred from the
 * workspace as it is now (the current git HEAD is not the run's commit).
 */
export interface RunRecord {
  tracker: Tracker;
  /** The tracker's id (MLflow run id, W&B run id, `version_3`, a Hydra `<date>/<time>`, ...). */
  id: string;
  /** A human name for pickers: the run name when recorded, else the id or folder name. */
  name: string;
  /**
   * Where the run lives: its folder, or for a run held in a database `<database path>#<run id>`
   * (see `splitRecordPath`). `readRun(path)` reads it again.
   */
  path: string;
  status: RunStatus;
  /** What the user should know about this record, e.g. "not synced: run `wandb sync` first". */
  notes: string[];
  /**
   * ISO 8601 times. With `Z` when the tracker recorded an absolute time; without an offset when
   * only the machine's local time is known (Hydra and W&B folder names).
   */
  start?: string;
  end?: string;
  /** MLflow's experiment (id and name), when the run belongs to one. */
  experiment?: { id: string; name?: string };
  /** Hyperparameters, flattened with dots (`optimizer.lr`); lists are JSON text. */
  params: Record<string, ParamValue>;
  /** Final metric values by name (the last value logged; non-finite values are left out). */
  metrics: Record<string, number>;
  /** The file that configured the run, with the SHA-256 of its bytes (hex). */
  config?: { path: string; sha256: string };
  code?: CodeState;
  datasets: DatasetRef[];
  /** The model the run started from, when recorded (`_name_or_path` of an HF config). */
  baseModel?: { id: string; revision?: string };
  hardware?: Hardware;
}

export type Tracker = 'mlflow' | 'wandb' | 'hf-trainer' | 'lightning' | 'hydra' | 'dvc';

export type RunStatus = 'finished' | 'running' | 'failed' | 'killed' | 'unknown';

export type ParamValue = string | number | boolean;

export interface CodeState {
  commit?: string;
  branch?: string;
  /** The remote URL, without any user name or token it carried. */
  remote?: string;
  /** True when the tracker saved uncommitted changes (W&B's diff.patch); unknown otherwise. */
  dirty?: boolean;
}

export interface DatasetRef {
  /** Hub id (`stanfordnlp/imdb`), MLflow dataset name, or a DVC-tracked path. */
  id: string;
  /** A version the source can be asked for again: Hub revision or git rev of a DVC import. */
  revision?: string;
  /** A content hash: DVC md5, MLflow dataset digest. Pins the data but cannot fetch it. */
  digest?: string;
  split?: string;
  /** How the run used it, when recorded (MLflow's `mlflow.data.context`: training, eval). */
  context?: string;
  /** Where it came from (a URI, a path, a repository URL). */
  source?: string;
}

export interface Hardware {
  /** Accelerator model, e.g. `NVIDIA A100-SXM4-80GB`. */
  accelerator?: string;
  /** How many accelerators the run saw. */
  count?: number;
  /** CPU model, when recorded. */
  cpu?: string;
  cpuCount?: number;
}

/** A record with nothing known yet but where it is: adapters fill in what their files say. */
export function newRunRecord(tracker: Tracker, path: string, id: string, name = id): RunRecord {
  return { tracker, id, name, path, status: 'unknown', notes: [], params: {}, metrics: {}, datasets: [] };
}

/** Splits a record path (`runs/mlflow.db#1c00...`) into the file and the id within it. */
export function splitRecordPath(path: string): { file: string; recordId?: string } {
  const hash = path.lastIndexOf('#');
  return hash < 0 ? { file: path } : { file: path.slice(0, hash), recordId: path.slice(hash + 1) };
}

/** Sets the fields that have a value: a fact not recorded stays absent, never an `undefined` key. */
export function setKnown(record: RunRecord, fields: Partial<RunRecord>): void {
  for (const [key, value] of Object.entries(fields) as [keyof RunRecord, unknown][]) {
    if (value !== undefined) Object.assign(record, { [key]: value });
  }
}
