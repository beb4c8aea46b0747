import type { PathSegment } from '../document/yamlTree';
import { isHubId, isPinned, unpinned, type ReproFinding } from './pinning';

/**
 * Reproducibility facts of the tools that write their own config files next to a model: Unity
 * ML-Agents, AutoTrain, mergekit, and a DVC pipeline's params.yaml (docs/config-formats.md).
 */
type Data = Record<string, unknown>;

const isMapping = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ML-Agents: `env_settings.seed` (default -1 = a new random seed every run), `torch_settings.device`. */
export function mlAgents(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  const env = isMapping(data.env_settings) ? data.env_settings : undefined;
  const seed = env?.seed;
  if (seed === undefined || seed === null || seed === -1) {
    findings.push({
      code: 'config-no-seed',
      path: env && seed !== undefined ? ['env_settings', 'seed'] : env ? ['env_settings'] : undefined,
      message:
        seed === undefined
          ? 'No env_settings.seed: ML-Agents defaults to -1, a new random seed for every run. Set it to a non-negative integer.'
          : `env_settings.seed: ${String(seed)} draws a new random seed for every run. Set it to a non-negative integer.`,
      data: { key: 'seed', value: 42, prefix: env ? ['env_settings'] : [] },
    });
  }
  const torch = isMapping(data.torch_settings) ? data.torch_settings : undefined;
  if (typeof torch?.device !== 'string') {
    findings.push({
      code: 'config-no-hardware',
      path: torch ? ['torch_settings'] : undefined,
      message:
        'torch_settings.device is not stated: ML-Agents trains on CUDA when a GPU is visible, else on the CPU. State the device the run used.',
      data: { key: 'device' },
    });
  }
  // ML-Agents always trains in fp32 (no precision setting) and loads no Hub model: nothing else to ask.
  return findings;
}

/** AutoTrain's training_params.json: `model` has no revision key at all; `seed` defaults to 42. */
export function autotrain(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  if (!['mixed_precision', 'fp16', 'quantization', 'use_int4', 'use_int8'].some((key) => key in data)) {
    findings.push({
      code: 'config-no-precision',
      message: 'mixed_precision is not stated (fp16, bf16 or none): AutoTrain defaults to none, which trains in fp32.',
      data: { key: 'mixed_precision' },
    });
  }
  if (!('batch_size' in data)) {
    findings.push({
      code: 'config-no-hardware',
      message: 'batch_size (per device, default 2) is not stated.',
      data: { key: 'batch_size' },
    });
  }
  for (const key of ['model', 'model_ref']) {
    const id = data[key];
    if (!isHubId(id)) continue;
    findings.push({
      code: 'config-unpinned',
      path: [key],
      message: `"${id}" is used without a pinned revision: AutoTrain has no revision key and loads whatever the Hub's main branch holds. Record the commit sha the run used (in the model card's provenance) or point ${key} at a downloaded snapshot.`,
      data: { id, idPath: [key] },
    });
  }
  return findings;
}

/**
 * mergekit: every model reference (`base_model`, `models[].model`, `slices[].sources[].model`,
 * a slice's `base_model`) pins its revision inline (`owner/name@<sha>`, also `owner/name@<sha>+lora`)
 * or as `{model: {path, revision}}`. Merging draws no random numbers, so no seed is asked for.
 */
export function mergekit(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  const check = (value: unknown, path: PathSegment[]): void => {
    for (const reference of modelReferences(value, path)) {
      if (isHubId(reference.id) && !isPinned(reference.revision)) {
        findings.push(
          reference.revisionPath
            ? unpinned({
                idPath: reference.idPath,
                id: reference.id,
                revisionKey: 'revision',
                revisionPath: reference.revisionPath,
                revision: reference.revision,
              })
            : {
                code: 'config-unpinned',
                path: reference.idPath,
                message: `"${reference.id}" is used without a pinned revision${
                  typeof reference.revision === 'string'
                    ? ` ("${reference.revision}" is a branch: it moves with every push)`
                    : ''
                }: write it as ${reference.id}@<commit sha> (mergekit reads the revision after "@").`,
                data: { id: reference.id, idPath: reference.idPath },
              },
        );
      }
    }
  };
  check(data.base_model, ['base_model']);
  if (Array.isArray(data.models)) {
    data.models.forEach((entry, index) => isMapping(entry) && check(entry.model, ['models', index, 'model']));
  }
  if (Array.isArray(data.slices)) {
    data.slices.forEach((slice, index) => {
      if (!isMapping(slice)) return;
      check(slice.base_model, ['slices', index, 'base_model']);
      if (!Array.isArray(slice.sources)) return;
      slice.sources.forEach(
        (source, at) => isMapping(source) && check(source.model, ['slices', index, 'sources', at, 'model']),
      );
    });
  }
  if (!('dtype' in data)) {
    findings.push({
      code: 'config-no-precision',
      message: 'dtype is not stated: mergekit then merges in the dtype of the first model it loads.',
      data: { key: 'dtype' },
    });
  }
  return findings;
}

interface ModelReference {
  id: string;
  revision?: string;
  idPath: PathSegment[];
  revisionPath?: PathSegment[];
}

/** The model (and LoRA) a mergekit reference names: `owner/name@rev+lora@rev` or a mapping. */
function modelReferences(value: unknown, path: PathSegment[]): ModelReference[] {
  if (typeof value === 'string') {
    return value.split('+').map((part) => {
      const [id = '', revision] = part.split('@');
      return { id, revision, idPath: path };
    });
  }
  if (!isMapping(value)) return [];
  const references: ModelReference[] = [];
  for (const key of ['model', 'lora']) {
    const inner = value[key];
    if (typeof inner === 'string') references.push(...modelReferences(inner, [...path, key]));
    else if (isMapping(inner) && typeof inner.path === 'string') {
      references.push({
        id: inner.path,
        revision: typeof inner.revision === 'string' ? inner.revision : undefined,
        idPath: [...path, key, 'path'],
        revisionPath: 'revision' in inner ? [...path, key, 'revision'] : undefined,
      });
    }
  }
  return references;
}

const SEED_KEY = /^(seed|random_seed|random_state|rng_seed|manual_seed)$/i;

/**
 * A DVC pipeline's params.yaml is free-form: a seed is any key named like one, at any depth.
 * Without one the pipeline may still be deterministic (not every stage draws random numbers), so
 * a missing seed is said as info; a seed set to null is a warning.
 */
export function dvcParams(data: Data): ReproFinding[] {
  const seeds = findKeys(data, SEED_KEY, [], 5);
  const unset = seeds.find((found) => found.value === null);
  if (unset) {
    return [
      {
        code: 'config-no-seed',
        path: unset.path,
        message: `${String(unset.path[unset.path.length - 1])}: ${String(unset.value)} leaves the seed to chance: every \`dvc repro\` differs. Set it to an integer.`,
        data: { key: unset.path[unset.path.length - 1], value: 42, prefix: unset.path.slice(0, -1) },
      },
    ];
  }
  if (seeds.length > 0) return [];
  return [
    {
      code: 'config-no-seed',
      severity: 'info',
      message:
        'No seed or random_state in params.yaml: if a stage splits, shuffles or initialises at random, `dvc repro` gives another result every run. Add a seed here and pass it to the stages (params: [seed]).',
      data: { key: 'seed', value: 42 },
    },
  ];
}

function findKeys(
  value: unknown,
  pattern: RegExp,
  path: PathSegment[],
  depth: number,
): { path: PathSegment[]; value: unknown }[] {
  if (!isMapping(value) || depth < 0) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    pattern.test(key) ? [{ path: [...path, key], value: inner }] : findKeys(inner, pattern, [...path, key], depth - 1),
  );
}
