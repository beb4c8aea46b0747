import { basename, joinPath } from '../fileSystem';
import { stripCredentials } from '../git/remoteUrl';
import {
  asString,
  collectMetrics,
  flattenParams,
  isMapping,
  isoFromUtcText,
  localIso,
  readJson,
  readYaml,
  toFiniteNumber,
  type Data,
} from './fileData';
import { parseModelReference } from './modelReference';
import type { RunAdapter } from './runAdapter';
import { configFile, type RunDeps } from './runDeps';
import { newRunRecord, setKnown, type Hardware, type RunRecord } from './runRecord';

/*
 * A W&B run folder (wandb/sdk/lib/filenames.py, wandb/sdk/wandb_settings.py):
 *   wandb/run-<YYYYMMDD_HHMMSS>-<id>/   (offline: offline-run-...)
 *     files/config.yaml          each key {value: ...}; `_wandb` holds W&B's own data
 *     files/wandb-summary.json   the last value of each logged metric, plus `_runtime`, `_step`
 *     files/wandb-metadata.json  startedAt, git {remote, commit}, gpu, gpu_count, cpu_count, ...
 *     files/diff.patch           uncommitted changes, when there were any
 *     run-<id>.wandb             the binary log everything else is synced from
 * Status and the display name live only in the binary log, which is not read.
 */

/** `run-20240430_111132-za1r6og7` at the end of a folder name (a copied folder may be prefixed). */
const RUN_FOLDER = /(?:^|[^A-Za-z0-9])(offline-)?run-(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})-([A-Za-z0-9]+)$/;

export const NOT_SYNCED = 'not synced: run `wandb sync` first';

export const wandbAdapter: RunAdapter = {
  tracker: 'wandb',
  readFolder(folder, entries, deps) {
    if (!RUN_FOLDER.test(basename(folder)) || !isWandbRun(entries)) return undefined;
    // Everything below a run folder is the run's own (files/, logs/, tmp/).
    return { runs: [readWandbFolder(folder, entries, deps)], skip: true };
  },
  readRun: readWandbRun,
};

/** The run in a W&B run folder, or undefined when the folder has no W&B files. */
export function readWandbRun(path: string, deps: RunDeps): RunRecord | undefined {
  const entries = deps.fs.readDirectory(path);
  return isWandbRun(entries) ? readWandbFolder(path, entries, deps) : undefined;
}

function isWandbRun(entries: readonly string[]): boolean {
  return entries.includes('files') || entries.some((name) => name.endsWith('.wandb'));
}

function readWandbFolder(path: string, entries: readonly string[], deps: RunDeps): RunRecord {
  const { fs } = deps;
  const files = joinPath(path, 'files');
  const folderName = RUN_FOLDER.exec(basename(path));
  const logName = entries.find((name) => /^run-.+\.wandb$/.test(name));
  const id = folderName?.[8] ?? logName?.slice('run-'.length, -'.wandb'.length) ?? basename(path);
  const configPath = joinPath(files, 'config.yaml');
  const config = readYaml(fs, configPath);
  const summary = readJson(fs, joinPath(files, 'wandb-summary.json'));
  const metadataJson = readJson(fs, joinPath(files, 'wandb-metadata.json'));
  const metadata = isMapping(metadataJson) ? metadataJson : {};

  const record = newRunRecord('wandb', path, id, configValueText(config, 'run_name') ?? id);
  // Offline runs keep config and summary in the binary log until `wandb sync`: say so, guess nothing.
  if (!isMapping(summary) && (folderName?.[1] !== undefined || logName !== undefined)) record.notes.push(NOT_SYNCED);

  const [, , year, month, day, hours, minutes, seconds] = folderName ?? [];
  // The folder name has the machine's local time: used only when the metadata has no UTC time.
  setKnown(record, {
    start:
      isoFromUtcText(metadata.startedAt) ??
      (folderName ? localIso(`${year}-${month}-${day}`, hours ?? '', minutes ?? '', seconds ?? '') : undefined),
  });
  const runtime = isMapping(summary)
    ? (toFiniteNumber(isMapping(summary._wandb) ? summary._wandb.runtime : undefined) ??
      toFiniteNumber(summary._runtime))
    : undefined;
  if (record.start?.endsWith('Z') && runtime !== undefined) {
    record.end = new Date(Date.parse(record.start) + runtime * 1000).toISOString();
  }

  if (isMapping(config)) {
    for (const [key, entry] of Object.entries(config)) {
      if (key === '_wandb' || key === 'wandb_version') continue;
      flattenParams(isMapping(entry) && 'value' in entry ? entry.value : entry, key, record.params);
    }
    setKnown(record, { config: configFile(deps, configPath) });
  }
  collectMetrics(summary, record.metrics, {
    // `_step`, `_runtime`, `_timestamp`, `_wandb` are bookkeeping; `{_type: image-file}` is media.
    skip: (key, value) => key.startsWith('_') || (isMapping(value) && '_type' in value),
  });

  const git = isMapping(metadata.git) ? metadata.git : {};
  const commit = asString(git.commit);
  const remote = asString(git.remote);
  if (commit || remote) {
    record.code = {};
    if (commit) record.code.commit = commit;
    if (remote) record.code.remote = stripCredentials(remote);
    if ((fs.readFile(joinPath(files, 'diff.patch')) ?? '').trim() !== '') record.code.dirty = true;
  }
  setKnown(record, { hardware: hardwareFrom(metadata) });
  const model = configValueText(config, '_name_or_path');
  const baseModel = model ? parseModelReference(model) : undefined;
  if (baseModel) record.baseModel = baseModel;
  return record;
}

/** A text value from config.yaml (`key: {value: ...}`). */
function configValueText(config: unknown, key: string): string | undefined {
  if (!isMapping(config)) return undefined;
  const entry = config[key];
  return asString(isMapping(entry) ? entry.value : entry);
}

/** Accelerator and CPU facts, from the metadata of old (gpu_devices) and new (gpu_nvidia, cpu) SDKs. */
function hardwareFrom(metadata: Data): Hardware | undefined {
  const hardware: Hardware = {};
  const devices = [metadata.gpu_nvidia, metadata.gpu_devices].find(Array.isArray) as unknown[] | undefined;
  const firstDevice = devices?.find(isMapping);
  const apple = isMapping(metadata.apple) ? metadata.apple : undefined;
  const accelerator = asString(firstDevice?.name) ?? asString(metadata.gpu) ?? asString(apple?.name);
  const count = toFiniteNumber(metadata.gpu_count) ?? (devices?.length || undefined);
  const cpu = isMapping(metadata.cpu) ? metadata.cpu : {};
  const cpuCount = toFiniteNumber(metadata.cpu_count) ?? toFiniteNumber(cpu.count);
  if (accelerator) hardware.accelerator = accelerator;
  if (accelerator && count !== undefined) hardware.count = count;
  if (cpuCount !== undefined) hardware.cpuCount = cpuCount;
  return Object.keys(hardware).length > 0 ? hardware : undefined;
}
