import { isPinned } from '../configs/reproducibility';
import { asString, isMapping, type Data } from '../runs/fileData';

/** A Hub model or dataset a training config names, with the revision it pins (a commit sha or tag). */
export interface ConfigReference {
  id: string;
  revision?: string;
}

export interface ConfigReferences {
  models: ConfigReference[];
  datasets: ConfigReference[];
}

/** Model id keys and the revision keys beside them (HF TrainingArguments scripts, Axolotl, TRL). */
const MODEL_KEYS: readonly [string, readonly string[]][] = [
  ['model_name_or_path', ['model_revision', 'revision']],
  ['base_model', ['revision_of_model', 'model_revision']],
  ['pretrained_model_name_or_path', ['revision']],
];
/** The `init_args` keys LightningCLI modules take a Hub id in (as in configs/reproducibility.ts). */
const INIT_ARGS_MODEL_KEYS = ['model_name_or_path', 'pretrained_model_name_or_path', 'model_name'];

/**
 * The Hub models and datasets a training config names, with their pinned revisions. Read from the
 * keys the recognised formats use (docs/config-formats.md); a revision that is a branch name
 * (`main`) pins nothing and is left out.
 */
export function configReferences(data: unknown): ConfigReferences {
  const found: ConfigReferences = { models: [], datasets: [] };
  if (!isMapping(data)) return found;
  for (const [idKey, revisionKeys] of MODEL_KEYS) addReference(found.models, data, idKey, revisionKeys);
  addReference(found.datasets, data, 'dataset_name', ['dataset_revision']);
  for (const dataset of Array.isArray(data.datasets) ? data.datasets : []) {
    if (isMapping(dataset)) addReference(found.datasets, dataset, 'path', ['revision']);
  }
  for (const root of [data, data.fit].filter(isMapping)) {
    for (const section of ['model', 'data']) {
      const initArgs = isMapping(root[section]) ? (root[section] as Data).init_args : undefined;
      if (!isMapping(initArgs)) continue;
      const revisionKeys = Object.keys(initArgs).filter((key) => /revision/i.test(key));
      for (const key of INIT_ARGS_MODEL_KEYS) addReference(found.models, initArgs, key, revisionKeys);
    }
  }
  return found;
}

function addReference(into: ConfigReference[], data: Data, idKey: string, revisionKeys: readonly string[]): void {
  const id = asString(data[idKey]);
  if (!id || !/^[\w.-]+(\/[\w.-]+)?$/.test(id) || into.some((ref) => ref.id === id)) return;
  const revision = revisionKeys.map((key) => asString(data[key])).find((value) => isPinned(value));
  into.push(revision ? { id, revision } : { id });
}

/** The revision `references` pin for `id` (Hub ids compare without case). */
export function revisionFor(references: readonly ConfigReference[], id: string): string | undefined {
  return references.find((ref) => ref.id.toLowerCase() === id.toLowerCase() && ref.revision)?.revision;
}
