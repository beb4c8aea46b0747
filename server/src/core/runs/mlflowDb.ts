import { basename, joinPath } from '../fileSystem';
import { asString, isoFromMillis } from './fileData';
import { applyMlflowStatus, codeFromMlflowTags, mlflowDataset, mlflowRunName } from './mlflowShared';
import type { RunAdapter } from './runAdapter';
import { readBytes, type RunDeps } from './runDeps';
import { newRunRecord, setKnown, splitRecordPath, type DatasetRef, type RunRecord } from './runRecord';
import { isSqliteFile, type SqliteQueries, type SqliteRow } from './sqlite';

/*
 * MLflow's SQLite store (the default backend since MLflow 3.7), tables as in
 * mlflow/store/tracking/dbmodels/models.py: experiments, runs (run_uuid, name, status as text,
 * start_time, end_time in ms, lifecycle_stage, experiment_id), params, tags, latest_metrics
 * (key, value, is_nan per run), metrics (every point), datasets + inputs + input_tags.
 * A run's path is `<database>#<run_uuid>`.
 */

/** File names the walk takes for MLflow databases (`sqlite:///mlflow.db` and the older tutorials' name). */
const DATABASE_NAMES = new Set(['mlflow.db', 'mlruns.db']);

export const mlflowDbAdapter: RunAdapter = {
  tracker: 'mlflow',
  readFolder(folder, entries, deps) {
    const databases = entries.filter((name) => DATABASE_NAMES.has(name)).map((name) => joinPath(folder, name));
    if (databases.length === 0) return undefined;
    const runs = Promise.all(databases.map((path) => readMlflowDatabase(path, deps))).then((lists) => lists.flat());
    return { runs, skip: () => false };
  },
  async readRun(path, deps) {
    const { file, recordId } = splitRecordPath(path);
    // A database holds many runs: without an id there is no one run to read (discover lists them).
    if (!recordId) return undefined;
    return (await readMlflowDatabase(file, deps, recordId))[0];
  },
};

/**
 * The runs in an MLflow database: those MLflow shows (not deleted), or only `runId` (deleted or
 * not). A file that is not SQLite gives none; one that cannot be read gives one record saying why.
 */
export async function readMlflowDatabase(path: string, deps: RunDeps, runId?: string): Promise<RunRecord[]> {
  const bytes = readBytes(deps.fs, path);
  if (!bytes || !isSqliteFile(bytes)) return [];
  if (!deps.sqlite) return [unreadDatabase(path, 'no SQLite reader in this host')];
  let runs: RunRecord[];
  try {
    runs = await deps.sqlite.withDatabase(bytes, (db) => readRuns(db, path, runId));
  } catch (error) {
    return [unreadDatabase(path, error instanceof Error ? error.message : String(error))];
  }
  // SQLite in WAL mode keeps recent writes in a side file until a checkpoint.
  if (deps.fs.exists(`${path}-wal`)) {
    for (const run of runs) run.notes.push(`recent changes may still be in ${basename(path)}-wal, which is not read`);
  }
  return runs;
}

function unreadDatabase(path: string, why: string): RunRecord {
  const record = newRunRecord('mlflow', path, basename(path));
  record.notes.push(`the runs in this MLflow database were not read: ${why}`);
  return record;
}

function readRuns(db: SqliteQueries, path: string, runId: string | undefined): RunRecord[] {
  if (!db.hasTable('runs')) return [];
  const experiments = db.hasTable('experiments');
  const rows = db
    .all(
      `SELECT r.run_uuid, r.name, r.status, r.start_time, r.end_time, r.lifecycle_stage, r.experiment_id
       ${experiments ? ', e.name AS experiment_name, e.lifecycle_stage AS experiment_stage' : ''}
     FROM runs r ${experiments ? 'LEFT JOIN experiments e ON e.experiment_id = r.experiment_id' : ''}
     ${runId ? 'WHERE r.run_uuid = ?' : ''}
     ORDER BY r.start_time, r.run_uuid`,
      runId ? [runId] : [],
    )
    .filter((row) => runId || (row.lifecycle_stage !== 'deleted' && row.experiment_stage !== 'deleted'));
  const params = keyValuesByRun(db, 'params');
  const tags = keyValuesByRun(db, 'tags');
  const metrics = latestMetricsByRun(db);
  const datasets = datasetsByRun(db);
  return rows.map((row) => {
    const id = String(row.run_uuid);
    const runTags = tags.get(id) ?? {};
    const record = newRunRecord('mlflow', `${path}#${id}`, id, mlflowRunName(row.name, runTags, id));
    if (row.experiment_id !== null && row.experiment_id !== undefined) {
      const name = asString(row.experiment_name);
      record.experiment = name ? { id: String(row.experiment_id), name } : { id: String(row.experiment_id) };
    }
    setKnown(record, { start: isoFromMillis(row.start_time), end: isoFromMillis(row.end_time) });
    applyMlflowStatus(record, row.status, row.lifecycle_stage);
    record.params = params.get(id) ?? {};
    record.metrics = metrics.get(id) ?? {};
    setKnown(record, { code: codeFromMlflowTags(runTags) });
    record.datasets = datasets.get(id) ?? [];
    return record;
  });
}

function keyValuesByRun(db: SqliteQueries, table: 'params' | 'tags'): Map<string, Record<string, string>> {
  const byRun = new Map<string, Record<string, string>>();
  if (!db.hasTable(table)) return byRun;
  for (const row of db.all(`SELECT run_uuid, key, value FROM ${table}`)) {
    if (row.value === null || row.value === undefined) continue;
    entryFor(byRun, String(row.run_uuid))[String(row.key)] = String(row.value);
  }
  return byRun;
}

/**
 * `latest_metrics` holds what MLflow shows as a run's metric values; databases older than that
 * table get the same from `metrics` (highest step, then latest timestamp).
 */
function latestMetricsByRun(db: SqliteQueries): Map<string, Record<string, number>> {
  const byRun = new Map<string, Record<string, number>>();
  const rows: SqliteRow[] = db.hasTable('latest_metrics')
    ? db.all('SELECT run_uuid, key, value, is_nan FROM latest_metrics')
    : db.hasTable('metrics')
      ? db.all('SELECT run_uuid, key, value, is_nan FROM metrics ORDER BY run_uuid, key, step, timestamp')
      : [];
  for (const row of rows) {
    const metrics = entryFor(byRun, String(row.run_uuid));
    const value = Number(row.value);
    if (Number(row.is_nan) === 1 || !Number.isFinite(value)) delete metrics[String(row.key)];
    else metrics[String(row.key)] = value;
  }
  return byRun;
}

function datasetsByRun(db: SqliteQueries): Map<string, DatasetRef[]> {
  const byRun = new Map<string, DatasetRef[]>();
  if (!db.hasTable('inputs') || !db.hasTable('datasets')) return byRun;
  const contexts = new Map<string, string>();
  if (db.hasTable('input_tags')) {
    for (const row of db.all("SELECT input_uuid, value FROM input_tags WHERE name = 'mlflow.data.context'"))
      contexts.set(String(row.input_uuid), String(row.value));
  }
  const rows = db.all(
    `SELECT i.destination_id AS run_uuid, i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source
     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
     WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'
     ORDER BY d.name`,
  );
  for (const row of rows) {
    const ref = mlflowDataset(
      { name: row.name, digest: row.digest, sourceType: row.dataset_source_type, source: row.dataset_source },
      contexts.get(String(row.input_uuid)),
    );
    if (!ref) continue;
    const list = byRun.get(String(row.run_uuid)) ?? [];
    list.push(ref);
    byRun.set(String(row.run_uuid), list);
  }
  return byRun;
}

function entryFor<T>(map: Map<string, Record<string, T>>, key: string): Record<string, T> {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = {}));
  return entry;
}
