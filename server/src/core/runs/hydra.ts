import { basename, dirname, joinPath } from '../fileSystem';
import { asString, flattenParams, isMapping, localIso, readYaml, type Data } from './fileData';
import type { RunAdapter } from './runAdapter';
import { configFile, type RunDeps } from './runDeps';
import { newRunRecord, setKnown, type RunRecord } from './runRecord';

/*
 * A Hydra run folder (hydra/core/utils.py run_job, hydra/conf/__init__.py):
 *   outputs/<date>/<time>/.hydra/config.yaml      the composed job config
 *   outputs/<date>/<time>/.hydra/overrides.yaml   the command-line overrides
 *   outputs/<date>/<time>/.hydra/hydra.yaml       Hydra's own config: job.name, runtime.choices, ...
 * Multirun jobs: multirun/<date>/<time>/<n>/.hydra/. Hydra records no status and no metrics.
 * The `.hydra` folder may be renamed (hydra.output_subdir); a folder holding the three files
 * itself is read as the output subfolder of its parent only when it is called `.hydra`.
 */

const HYDRA_FILES = ['config.yaml', 'hydra.yaml'];
/** `<date>/<time>` of the default run dir, with an optional multirun job number after it. */
const RUN_TIME = /(\d{4}-\d{2}-\d{2})[/_]+(\d{2})-(\d{2})-(\d{2})(?:[/_]+(\d+))?$/;

export const hydraAdapter: RunAdapter = {
  tracker: 'hydra',
  readFolder(folder, entries, deps) {
    if (entries.includes('.hydra') && hasHydraFiles(deps.fs.readDirectory(joinPath(folder, '.hydra')))) {
      // The run folder may also hold other trackers' output (wandb/, lightning_logs/): keep walking.
      return { runs: [readHydraRun(folder, joinPath(folder, '.hydra'), deps)], skip: () => false };
    }
    if (basename(folder) !== '.hydra' && hasHydraFiles(entries) && isHydraConfig(deps, folder)) {
      return { runs: [readHydraRun(folder, folder, deps)], skip: true };
    }
    return undefined;
  },
  readRun(path, deps) {
    const entries = deps.fs.readDirectory(path);
    if (entries.includes('.hydra') && hasHydraFiles(deps.fs.readDirectory(joinPath(path, '.hydra'))))
      return readHydraRun(path, joinPath(path, '.hydra'), deps);
    if (hasHydraFiles(entries) && isHydraConfig(deps, path)) {
      return basename(path) === '.hydra' ? readHydraRun(dirname(path), path, deps) : readHydraRun(path, path, deps);
    }
    return undefined;
  },
};

function hasHydraFiles(entries: readonly string[]): boolean {
  return HYDRA_FILES.every((name) => entries.includes(name));
}

/** hydra.yaml has a top-level `hydra:` mapping: not just any folder with a config.yaml. */
function isHydraConfig(deps: RunDeps, folder: string): boolean {
  const hydra = readYaml(deps.fs, joinPath(folder, 'hydra.yaml'));
  return isMapping(hydra) && isMapping(hydra.hydra);
}

/** `runFolder` is where the job ran; `outputFolder` holds config.yaml, hydra.yaml, overrides.yaml. */
function readHydraRun(runFolder: string, outputFolder: string, deps: RunDeps): RunRecord {
  const { fs } = deps;
  const hydraYaml = readYaml(fs, joinPath(outputFolder, 'hydra.yaml'));
  const hydra = isMapping(hydraYaml) && isMapping(hydraYaml.hydra) ? hydraYaml.hydra : {};
  const job = isMapping(hydra.job) ? hydra.job : {};
  const runtime = isMapping(hydra.runtime) ? hydra.runtime : {};

  const time = RUN_TIME.exec(runFolder);
  const id = time
    ? [time[1], `${time[2]}-${time[3]}-${time[4]}`, time[5]].filter(Boolean).join('/')
    : basename(runFolder);
  const jobName = asString(job.name);
  const record = newRunRecord('hydra', runFolder, id, jobName ? `${jobName} ${id}` : id);
  // Hydra names run folders by the local time of the machine: no offset is known.
  if (time?.[1] && time[2] && time[3] && time[4]) record.start = localIso(time[1], time[2], time[3], time[4]);

  const configPath = joinPath(outputFolder, 'config.yaml');
  const config = readYaml(fs, configPath);
  if (isMapping(config)) flattenParams(config, '', record.params);
  setKnown(record, { config: configFile(deps, configPath) });
  addChoices(runtime, record);
  const overrides = readYaml(fs, joinPath(outputFolder, 'overrides.yaml'));
  if (Array.isArray(overrides) && overrides.length > 0) {
    record.params['hydra.overrides'] = overrides.map(String).join(' ');
  }
  return record;
}

/** The config groups the job chose (`dataset: mnist`), without Hydra's own `hydra/*` groups. */
function addChoices(runtime: Data, record: RunRecord): void {
  const choices = isMapping(runtime.choices) ? runtime.choices : {};
  for (const [group, choice] of Object.entries(choices)) {
    if (group === 'hydra' || group.startsWith('hydra/') || choice === null || choice === undefined) continue;
    record.params[`hydra.choices.${group}`] = String(choice);
  }
}
