import { basename, dirname, joinPath, type FileSystem } from '../fileSystem';
import { asString, isMapping, isoFromMillis, readYaml, type Data } from './fileData';
import { applyMlflowStatus, codeFromMlflowTags, mlflowDataset, mlflowRunName } from './mlflowShared';
import type { RunAdapter } from './runAdapter';
import type { RunDeps } from './runDeps';
import { newRunRecord, setKnown, type DatasetRef, type RunRecord } from './runRecord';

/*
 * MLflow's folder store (mlflow/store/tracking/file_store.py):
 *   <store>/<experiment id>/meta.yaml             experiment_id, name, lifecycle_stage
 *   <store>/<experiment id>/<run id>/meta.yaml    run_id, run_name, status (int), start_time, end_time (ms)
 *   .../<run id>/params/<key>                     the value (keys with '/' are sub-folders)
 *   .../<run id>/metrics/<key>                    lines "<timestamp ms> <value> [<step>]"
 *   .../<run id>/tags/<key>                       mlflow.runName, mlflow.source.git.commit, ...
 *   .../<run id>/inputs/<id>/meta.yaml            source_id -> <experiment>/datasets/<source_id>/meta.yaml
 */

/** Folders inside an experiment that are not runs (FileStore.RESERVED_EXPERIMENT_FOLDERS). */
const EXPERIMENT_FOLDERS_NOT_RUNS = new Set(['tags', 'datasets', 'traces']);

export const mlflowFolderAdapter: RunAdapter = {
  tracker: 'mlflow',
  readFolder(folder, entries, deps) {
    const experiments = entries.filter((name) => isExperimentFolder(deps.fs, joinPath(folder, name)));
    if (experiments.length === 0) return undefined;
    const runs = experiments.flatMap((name) => readExperiment(joinPath(folder, name), deps));
    // Only the store's own folders: a store kept at a project's root leaves the rest to the walk.
    return { runs, skip: (name) => experiments.includes(name) };
  },
  readRun: readMlflowFolderRun,
};

/** The run in a run folder (`mlruns/<experiment>/<run>`), or undefined when it is not one. */
export function readMlflowFolderRun(path: string, deps: RunDeps): RunRecord | undefined {
  const meta = readMeta(deps.fs, path);
  if (!meta || !(asString(meta.run_id) ?? asString(meta.run_uuid))) return undefined;
  const experimentFolder = dirname(path);
  return readRunFolder(path, meta, experimentFolder, readMeta(deps.fs, experimentFolder), deps);
}

function readMeta(fs: FileSystem, folder: string): Data | undefined {
  const meta = readYaml(fs, joinPath(folder, 'meta.yaml'));
  return isMapping(meta) ? meta : undefined;
}

/**
 * An experiment folder: named by its numeric id (the folder store only makes those), with a
 * meta.yaml that has an experiment id and no run id.
 */
function isExperimentFolder(fs: FileSystem, folder: string): boolean {
  // Cheap tests first: the walk asks this of every entry of every folder it visits.
  if (!/^\d+$/.test(basename(folder)) || !fs.exists(joinPath(folder, 'meta.yaml'))) return false;
  const meta = readMeta(fs, folder);
  return meta !== undefined && 'experiment_id' in meta && !('run_uuid' in meta) && !('run_id' in meta);
}

/** The runs of an experiment that MLflow still shows (deleted runs and experiments are left out). */
function readExperiment(folder: string, deps: RunDeps): RunRecord[] {
  const experiment = readMeta(deps.fs, folder);
  if (experiment?.lifecycle_stage === 'deleted') return [];
  const runs: RunRecord[] = [];
  for (const name of deps.fs.readDirectory(folder).sort()) {
    if (EXPERIMENT_FOLDERS_NOT_RUNS.has(name)) continue;
    const path = joinPath(folder, name);
    const meta = deps.fs.isDirectory(path) ? readMeta(deps.fs, path) : undefined;
    if (!meta || !(asString(meta.run_id) ?? asString(meta.run_uuid)) || meta.lifecycle_stage === 'deleted') continue;
    runs.push(readRunFolder(path, meta, folder, experiment, deps));
  }
  return runs;
}

function readRunFolder(
  path: string,
  meta: Data,
  experimentFolder: string,
  experiment: Data | undefined,
  deps: RunDeps,
): RunRecord {
  const id = asString(meta.run_id) ?? asString(meta.run_uuid) ?? basename(path);
  const tags = readKeyFiles(deps.fs, joinPath(path, 'tags'));
  const record = newRunRecord('mlflow', path, id, mlflowRunName(meta.run_name, tags, id));
  const experimentId = asString(String(meta.experiment_id ?? '')) ?? asString(experiment?.experiment_id);
  const experimentName = asString(experiment?.name);
  if (experimentId)
    record.experiment = experimentName ? { id: experimentId, name: experimentName } : { id: experimentId };
  setKnown(record, { start: isoFromMillis(meta.start_time), end: isoFromMillis(meta.end_time) });
  applyMlflowStatus(record, meta.status, meta.lifecycle_stage);
  record.params = readKeyFiles(deps.fs, joinPath(path, 'params'));
  record.metrics = readLatestMetrics(deps.fs, joinPath(path, 'metrics'));
  setKnown(record, { code: codeFromMlflowTags(tags) });
  record.datasets = readInputs(deps.fs, path, experimentFolder);
  return record;
}

/** `<folder>/<key>` files as key -> content; keys with '/' are nested folders. */
function readKeyFiles(fs: FileSystem, folder: string, prefix = ''): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of fs.readDirectory(folder)) {
    const path = joinPath(folder, name);
    if (fs.isDirectory(path)) Object.assign(values, readKeyFiles(fs, path, `${prefix}${name}/`));
    else {
      const text = fs.readFile(path);
      if (text !== undefined) values[`${prefix}${name}`] = text;
    }
  }
  return values;
}

/**
 * The latest value of each metric, chosen as MLflow does: the highest step, then the latest
 * timestamp (file_store.py `_get_metric_from_file`); a NaN latest value is left out.
 */
function readLatestMetrics(fs: FileSystem, folder: string): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, text] of Object.entries(readKeyFiles(fs, folder))) {
    let best: { step: number; timestamp: number; value: number } | undefined;
    for (const line of text.split('\n')) {
      const [timestamp, value, step] = line.trim().split(/\s+/);
      if (timestamp === undefined || value === undefined || timestamp === '') continue;
      const point = { timestamp: Number(timestamp), value: Number(value), step: step === undefined ? 0 : Number(step) };
      if (
        best === undefined ||
        point.step > best.step ||
        (point.step === best.step && point.timestamp >= best.timestamp)
      )
        best = point;
    }
    if (best && Number.isFinite(best.value)) metrics[key] = best.value;
  }
  return metrics;
}

/** Dataset inputs: each `inputs/<id>/meta.yaml` names a dataset folder of the experiment. */
function readInputs(fs: FileSystem, runFolder: string, experimentFolder: string): DatasetRef[] {
  const datasets: DatasetRef[] = [];
  const inputsFolder = joinPath(runFolder, 'inputs');
  for (const name of fs.readDirectory(inputsFolder).sort()) {
    const input = readMeta(fs, joinPath(inputsFolder, name));
    const sourceId = asString(input?.source_id);
    if (!input || !sourceId || (input.source_type !== undefined && input.source_type !== 'DATASET')) continue;
    const dataset = readMeta(fs, joinPath(joinPath(experimentFolder, 'datasets'), sourceId));
    if (!dataset) continue;
    const tags = isMapping(input.tags) ? input.tags : {};
    const ref = mlflowDataset(
      { name: dataset.name, digest: dataset.digest, sourceType: dataset.source_type, source: dataset.source },
      asString(tags['mlflow.data.context']),
    );
    if (ref) datasets.push(ref);
  }
  return datasets;
}
