import { isMapping, parseJsonLenient, asString } from './fileData';
import { stripCredentials } from '../git/remoteUrl';
import type { CodeState, DatasetRef, RunRecord, RunStatus } from './runRecord';

/**
 * MLflow's RunStatus: an integer in the folder store's meta.yaml, its name in SQLite
 * (mlflow/entities/run_status.py: RUNNING=1, SCHEDULED=2, FINISHED=3, FAILED=4, KILLED=5).
 */
const STATUS_BY_CODE: Record<string, RunStatus> = {
  '1': 'running',
  RUNNING: 'running',
  '3': 'finished',
  FINISHED: 'finished',
  '4': 'failed',
  FAILED: 'failed',
  '5': 'killed',
  KILLED: 'killed',
};

/** Sets status and the notes that explain it from MLflow's status, end time and lifecycle stage. */
export function applyMlflowStatus(record: RunRecord, status: unknown, lifecycleStage: unknown): void {
  const code = String(status ?? '').toUpperCase();
  record.status = STATUS_BY_CODE[code] ?? 'unknown';
  if (code === '2' || code === 'SCHEDULED') record.notes.push('scheduled in MLflow but never started');
  if (record.status === 'running' && !record.end) {
    record.notes.push('MLflow recorded no end: the run is still going, or its process stopped without ending it');
  }
  if (lifecycleStage === 'deleted') record.notes.push('deleted in MLflow');
}

/** Git facts MLflow records as tags when the script ran inside a repository. */
export function codeFromMlflowTags(tags: Record<string, string>): CodeState | undefined {
  const code: CodeState = {};
  const commit = asString(tags['mlflow.source.git.commit']);
  const branch = asString(tags['mlflow.source.git.branch']);
  const remote = asString(tags['mlflow.source.git.repoURL']) ?? asString(tags['mlflow.gitRepoURL']);
  if (commit) code.commit = commit;
  if (branch) code.branch = branch;
  if (remote) code.remote = stripCredentials(remote);
  return Object.keys(code).length > 0 ? code : undefined;
}

/** The run name MLflow shows: the recorded name, else the `mlflow.runName` tag, else the id. */
export function mlflowRunName(recorded: unknown, tags: Record<string, string>, id: string): string {
  return asString(recorded) ?? asString(tags['mlflow.runName']) ?? id;
}

/**
 * A dataset input (mlflow/entities/dataset.py: name, digest, source_type, source as JSON).
 * Hugging Face sources carry the Hub id, split and revision (mlflow/data/huggingface_dataset_source.py);
 * others a `uri` or `path`.
 */
export function mlflowDataset(
  dataset: { name: unknown; digest: unknown; sourceType: unknown; source: unknown },
  context?: string,
): DatasetRef | undefined {
  const name = asString(dataset.name);
  const source = typeof dataset.source === 'string' ? parseJsonLenient(dataset.source) : dataset.source;
  const fields = isMapping(source) ? source : {};
  const hubId = dataset.sourceType === 'huggingface' ? asString(fields.path) : undefined;
  const id = hubId ?? name;
  if (!id) return undefined;
  const ref: DatasetRef = { id };
  const digest = asString(dataset.digest);
  const revision = hubId ? asString(fields.revision) : undefined;
  const split = asString(fields.split);
  const where = asString(fields.uri) ?? asString(fields.url) ?? (hubId ? undefined : asString(fields.path));
  if (revision) ref.revision = revision;
  if (digest) ref.digest = digest;
  if (split) ref.split = split;
  if (context) ref.context = context;
  if (where) ref.source = where;
  return ref;
}
