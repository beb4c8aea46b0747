import { basename, joinPath, type FileSystem } from '../fileSystem';
import { asString, collectMetrics, flattenParams, isMapping, readDataFile, readYaml, type Data } from './fileData';
import type { RunAdapter } from './runAdapter';
import { configFile, firstFile, readBytes, type RunDeps } from './runDeps';
import { newRunRecord, setKnown, type DatasetRef, type RunRecord } from './runRecord';

/*
 * A DVC project (dvc/schema.py, dvc/dvcfile.py, dvclive/live.py):
 *   dvc.yaml    stages (cmd, deps, params, outs, metrics), top-level metrics
 *   dvc.lock    schema '2.0'; stages.<name>.{cmd, deps[{path, md5}], params{file: {key: value}}, outs[]}
 *   params.yaml the default params file
 *   dvclive/metrics.json, dvclive/params.yaml   DVCLive's summary
 *   <data>.dvc  outs[{path, md5}]; imports add deps[{path, repo: {url, rev, rev_lock}}]
 * The project is one "run": the state dvc.lock recorded. Its id is the lock's hash, so a new
 * `dvc repro` is a different run.
 */

const MARKERS = ['dvc.lock', 'dvc.yaml'];
/** Dependencies with these endings are code or settings, not data. */
const NOT_DATA = /\.(py|ipynb|sh|r|jl|js|ts|ya?ml|toml|cfg|ini|txt|md|lock)$/i;

export const dvcAdapter: RunAdapter = {
  tracker: 'dvc',
  readFolder(folder, entries, deps) {
    if (!isDvcProject(deps.fs, folder, entries)) return undefined;
    // A project holds other trackers' runs too (mlruns/, wandb/): keep walking.
    return { runs: [readDvcProject(folder, deps)], skip: (name) => name === 'dvclive' };
  },
  readRun(path, deps) {
    return isDvcProject(deps.fs, path, deps.fs.readDirectory(path)) ? readDvcProject(path, deps) : undefined;
  },
};

function isDvcProject(fs: FileSystem, folder: string, entries: readonly string[]): boolean {
  return MARKERS.some((name) => entries.includes(name)) || fs.exists(joinPath(folder, 'dvclive/metrics.json'));
}

function readDvcProject(path: string, deps: RunDeps): RunRecord {
  const { fs } = deps;
  const lockPath = joinPath(path, 'dvc.lock');
  const lockBytes = readBytes(fs, lockPath);
  const id = lockBytes ? deps.sha256(lockBytes).slice(0, 12) : basename(path);
  const record = newRunRecord('dvc', path, id, basename(path));
  const lockData = readYaml(fs, lockPath);
  const lock = isMapping(lockData) ? lockData : undefined;
  const dvcYaml = readYaml(fs, joinPath(path, 'dvc.yaml'));
  const stages = isMapping(lock?.stages) ? lock.stages : {};

  if (lock) record.status = 'finished';
  else record.notes.push('no dvc.lock: the pipeline has not been run (`dvc repro`), or its results were not committed');

  // Params as the lock recorded them (what the last run used), else as the files say now.
  const lockedParams = Object.values(stages).some((stage) => isMapping(stage) && isMapping(stage.params));
  if (lockedParams) addLockedParams(stages, record);
  else {
    const params = readYaml(fs, joinPath(path, 'params.yaml'));
    if (isMapping(params)) flattenParams(params, '', record.params);
  }
  const liveParams = readYaml(fs, joinPath(path, 'dvclive/params.yaml'));
  if (isMapping(liveParams)) flattenParams(liveParams, '', record.params);

  for (const file of metricFiles(isMapping(dvcYaml) ? dvcYaml : {})) {
    collectMetrics(readDataFile(fs, joinPath(path, file)), record.metrics, { skip: (key) => key === 'step' });
  }
  const configPath = firstFile(fs, path, ['params.yaml', 'dvc.yaml']);
  if (configPath) setKnown(record, { config: configFile(deps, configPath) });
  record.datasets = [...externalInputs(stages), ...trackedData(fs, path)];
  return record;
}

/** `stages.<name>.params.<file>.<key>`; keys of files other than params.yaml are prefixed `file:`. */
function addLockedParams(stages: Data, record: RunRecord): void {
  for (const stage of Object.values(stages)) {
    if (!isMapping(stage) || !isMapping(stage.params)) continue;
    for (const [file, values] of Object.entries(stage.params)) {
      if (!isMapping(values)) continue;
      for (const [key, value] of Object.entries(values)) {
        flattenParams(value, file === 'params.yaml' ? key : `${file}:${key}`, record.params);
      }
    }
  }
}

/** Metric files: DVCLive's summary, and those named in dvc.yaml (top level and per stage). */
function metricFiles(dvcYaml: Data): string[] {
  const files = new Set<string>(['dvclive/metrics.json']);
  const addAll = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item === 'string') files.add(item);
      else if (isMapping(item)) for (const key of Object.keys(item)) files.add(key);
    }
  };
  addAll(dvcYaml.metrics);
  if (isMapping(dvcYaml.stages)) {
    for (const stage of Object.values(dvcYaml.stages)) if (isMapping(stage)) addAll(stage.metrics);
  }
  return [...files].filter((file) => !file.includes('${') && !file.startsWith('/') && !file.includes('..'));
}

/** Stage inputs no stage produces and that are not code: the data the pipeline started from. */
function externalInputs(stages: Data): DatasetRef[] {
  const produced = new Set<string>();
  const inputs = new Map<string, DatasetRef>();
  for (const stage of Object.values(stages)) {
    if (!isMapping(stage)) continue;
    for (const out of Array.isArray(stage.outs) ? stage.outs : []) {
      const path = isMapping(out) ? asString(out.path) : undefined;
      if (path) produced.add(path);
    }
  }
  for (const stage of Object.values(stages)) {
    if (!isMapping(stage)) continue;
    for (const dep of Array.isArray(stage.deps) ? stage.deps : []) {
      if (!isMapping(dep)) continue;
      const path = asString(dep.path);
      const digest = asString(dep.md5) ?? asString(dep.etag) ?? asString(dep.checksum);
      if (!path || produced.has(path) || NOT_DATA.test(path) || inputs.has(path)) continue;
      inputs.set(path, digest ? { id: path, digest, source: 'dvc.lock' } : { id: path, source: 'dvc.lock' });
    }
  }
  return [...inputs.values()];
}

/** `.dvc` files in the project folder and `data/`: tracked data (md5) and imports (repo + rev_lock). */
function trackedData(fs: FileSystem, project: string): DatasetRef[] {
  const refs: DatasetRef[] = [];
  for (const folder of [project, joinPath(project, 'data')]) {
    for (const name of fs
      .readDirectory(folder)
      .filter((entry) => entry.endsWith('.dvc'))
      .sort()) {
      const dvcFile = readYaml(fs, joinPath(folder, name));
      if (!isMapping(dvcFile)) continue;
      const dep = (Array.isArray(dvcFile.deps) ? dvcFile.deps : []).find(isMapping);
      const out = (Array.isArray(dvcFile.outs) ? dvcFile.outs : []).find(isMapping);
      const repo = dep && isMapping(dep.repo) ? dep.repo : undefined;
      // Paths in a .dvc file are relative to it: make them relative to the project.
      const where = folder === project ? '' : 'data/';
      const id = where + (asString(out?.path) ?? name.replace(/\.dvc$/, ''));
      const ref: DatasetRef = { id, source: asString(repo?.url) ?? `${where}${name}` };
      const revision = asString(repo?.rev_lock) ?? asString(repo?.rev);
      const digest = asString(out?.md5) ?? asString(out?.etag) ?? asString(out?.checksum);
      if (revision) ref.revision = revision;
      if (digest) ref.digest = digest;
      refs.push(ref);
    }
  }
  return refs;
}
