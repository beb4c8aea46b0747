import { basename, dirname, joinPath } from '../fileSystem';
import { flattenParams, isMapping, parseCsv, readYaml, toFiniteNumber } from './fileData';
import type { RunAdapter } from './runAdapter';
import { configFile, firstFile, type RunDeps } from './runDeps';
import { newRunRecord, setKnown, type RunRecord } from './runRecord';

/*
 * A PyTorch Lightning log version folder (lightning/pytorch/loggers/csv_logs.py, tensorboard.py):
 *   lightning_logs/version_<n>/hparams.yaml    the module's saved hyperparameters
 *   lightning_logs/version_<n>/metrics.csv     CSVLogger: one row per log call, empty cells elsewhere
 *   lightning_logs/version_<n>/config.yaml     LightningCLI's SaveConfigCallback (trainer, model, data, ...)
 *   lightning_logs/version_<n>/events.out.tfevents.*   TensorBoardLogger (binary, not read)
 *   lightning_logs/version_<n>/checkpoints/*.ckpt
 * Lightning records no status and no times in these files.
 */

/** `version_3` at the end of a folder name (a copied folder may be prefixed). */
const VERSION_FOLDER = /(?:^|[^A-Za-z0-9])(version_\d+)$/;
/** metrics.csv columns that say where a row was logged, not what. */
const POSITION_COLUMNS = new Set(['epoch', 'step']);

export const lightningAdapter: RunAdapter = {
  tracker: 'lightning',
  readFolder(folder, entries, deps) {
    if (!VERSION_FOLDER.test(basename(folder)) || !isVersionFolder(entries)) return undefined;
    return { runs: [readVersionFolder(folder, entries, deps)], skip: true };
  },
  readRun(path, deps) {
    const entries = deps.fs.readDirectory(path);
    return isVersionFolder(entries) ? readVersionFolder(path, entries, deps) : undefined;
  },
};

function isVersionFolder(entries: readonly string[]): boolean {
  return (
    entries.includes('hparams.yaml') ||
    entries.includes('metrics.csv') ||
    entries.some((name) => name.startsWith('events.out.tfevents.'))
  );
}

function readVersionFolder(path: string, entries: readonly string[], deps: RunDeps): RunRecord {
  const { fs } = deps;
  const id = VERSION_FOLDER.exec(basename(path))?.[1] ?? basename(path);
  const logger = basename(dirname(path));
  const record = newRunRecord('lightning', path, id, logger ? `${logger}/${id}` : id);

  const hparams = readYaml(fs, joinPath(path, 'hparams.yaml'));
  if (isMapping(hparams)) flattenParams(hparams, '', record.params);
  // LightningCLI's config holds everything (trainer, model, data, seed): the config to hash.
  const cliConfigPath = firstFile(fs, path, ['config.yaml']);
  const cliConfig = cliConfigPath ? readYaml(fs, cliConfigPath) : undefined;
  if (isMapping(cliConfig)) flattenParams(cliConfig, '', record.params);
  const configPath = cliConfigPath ?? firstFile(fs, path, ['hparams.yaml']);
  if (configPath) setKnown(record, { config: configFile(deps, configPath) });

  const csv = fs.readFile(joinPath(path, 'metrics.csv'));
  if (csv !== undefined) lastValuesPerColumn(csv, record.metrics);
  else if (entries.some((name) => name.startsWith('events.out.tfevents.'))) {
    record.notes.push('metrics are in TensorBoard event files, which are not read');
  }
  return record;
}

/**
 * The last non-empty value of each metric column (CSVLogger leaves other metrics' cells empty).
 * A last value of `nan` or `inf` removes the metric: an earlier value is not final.
 */
function lastValuesPerColumn(text: string, into: Record<string, number>): void {
  const [header, ...rows] = parseCsv(text);
  if (!header) return;
  for (const row of rows) {
    header.forEach((column, index) => {
      const cell = row[index]?.trim() ?? '';
      if (POSITION_COLUMNS.has(column) || cell === '') return;
      const value = toFiniteNumber(cell);
      if (value !== undefined) into[column] = value;
      else delete into[column];
    });
  }
}
