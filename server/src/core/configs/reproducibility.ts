import type { PathSegment } from '../document/yamlTree';
import type { ConfigFormat } from './formats';
import { isHubId, isPinned, unpinned, type ReproFinding } from './pinning';
import { autotrain, dvcParams, mergekit, mlAgents } from './reproducibilityTools';

export { isHubId, isPinned, type ReproFinding };

type Data = Record<string, unknown>;

const isMapping = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where LightningCLI keeps its settings: at the top, or under a subcommand (`fit:`). */
function lightningRoot(data: Data): { root: Data; prefix: PathSegment[] } {
  for (const command of ['fit', 'validate', 'test', 'predict']) {
    const section = data[command];
    if (isMapping(section) && isMapping(section.trainer)) return { root: section, prefix: [command] };
  }
  return { root: data, prefix: [] };
}

const get = (data: Data, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (isMapping(value) ? value[key] : undefined), data);

/**
 * The reproducibility findings of a config of a known format. Each format says where its seed,
 * precision, hardware and revisions live (docs/config-formats.md); a format with no place for a
 * fact (DeepSpeed has no seed, dvc.yaml no precision) is never asked for it.
 */
export function reproducibilityFindings(format: ConfigFormat, data: Data): ReproFinding[] {
  switch (format) {
    case 'hf-training-args':
      return huggingFace(data);
    case 'lightning-cli':
      return lightning(data);
    case 'torchtune':
      return torchtune(data);
    case 'axolotl':
      return axolotl(data);
    case 'deepspeed':
      return deepspeed(data);
    case 'ml-agents':
      return mlAgents(data);
    case 'autotrain':
      return autotrain(data);
    case 'mergekit':
      return mergekit(data);
    case 'dvc-params':
      return dvcParams(data);
    default:
      return [];
  }
}

function huggingFace(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  // An absent `seed` is TrainingArguments' default 42: reproducible, so not reported.
  if (
    !['bf16', 'fp16', 'tf32', 'torch_dtype', 'dtype', 'bf16_full_eval', 'fp16_full_eval'].some((key) => key in data)
  ) {
    findings.push({
      code: 'config-no-precision',
      message:
        'No precision is stated (bf16, fp16, tf32 or torch_dtype): the run may have used fp32 or whatever `accelerate launch` set.',
      data: { key: 'bf16' },
    });
  }
  if (!('per_device_train_batch_size' in data)) {
    findings.push({
      code: 'config-no-hardware',
      message:
        'No per-device batch size is stated (per_device_train_batch_size, default 8): the effective batch depends on it and on the device count.',
      data: { key: 'per_device_train_batch_size' },
    });
  }
  const model = data.model_name_or_path;
  if (isHubId(model) && !isPinned(data.model_revision)) {
    findings.push(
      unpinned({
        idPath: ['model_name_or_path'],
        id: model,
        revisionKey: 'model_revision',
        revisionPath: ['model_revision'],
        revision: data.model_revision,
      }),
    );
  }
  return findings;
}

function lightning(data: Data): ReproFinding[] {
  const { root, prefix } = lightningRoot(data);
  const findings: ReproFinding[] = [];
  const seed = root.seed_everything;
  if (seed === undefined || seed === true || seed === false || seed === null) {
    findings.push({
      code: 'config-no-seed',
      path: seed === undefined ? undefined : [...prefix, 'seed_everything'],
      message:
        seed === undefined
          ? 'No seed_everything: LightningCLI draws a random seed for every run. Set seed_everything to an integer.'
          : seed === false
            ? 'seed_everything: false turns seeding off: every run differs. Set it to an integer.'
            : 'seed_everything: true draws a random seed for every run. Set it to an integer.',
      data: { key: 'seed_everything', value: 42, prefix },
    });
  }
  const trainer = isMapping(root.trainer) ? root.trainer : {};
  if (!('precision' in trainer)) {
    findings.push({
      code: 'config-no-precision',
      path: [...prefix, 'trainer'],
      message:
        'trainer.precision is not stated (Lightning defaults to 32-true): state it so the run can be repeated as it was.',
    });
  }
  if (!('accelerator' in trainer) && !('devices' in trainer) && !('gpus' in trainer)) {
    findings.push({
      code: 'config-no-hardware',
      path: [...prefix, 'trainer'],
      message:
        'trainer.accelerator and trainer.devices are not stated: the run used whatever hardware was visible ("auto").',
    });
  }
  findings.push(...initArgsUnpinned(root, prefix));
  return findings;
}

/** Hub ids in `init_args` (model_name_or_path...) without a revision beside them. */
function initArgsUnpinned(root: Data, prefix: PathSegment[]): ReproFinding[] {
  const findings: ReproFinding[] = [];
  for (const section of ['model', 'data']) {
    const initArgs = get(root, [section, 'init_args']);
    if (!isMapping(initArgs)) continue;
    for (const key of ['model_name_or_path', 'pretrained_model_name_or_path', 'model_name', 'tokenizer_name']) {
      const value = initArgs[key];
      const revisionKey = Object.keys(initArgs).find((candidate) => /revision/i.test(candidate));
      const revision = revisionKey ? initArgs[revisionKey] : undefined;
      if (isHubId(value) && !isPinned(revision)) {
        const at: PathSegment[] = [...prefix, section, 'init_args'];
        findings.push(
          unpinned({
            idPath: [...at, key],
            id: value,
            revisionKey: revisionKey ?? 'revision',
            revisionPath: revisionKey ? [...at, revisionKey] : undefined,
            revision,
          }),
        );
      }
    }
  }
  return findings;
}

function torchtune(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  if (data.seed === undefined || data.seed === null) {
    findings.push({
      code: 'config-no-seed',
      path: data.seed === null ? ['seed'] : undefined,
      message: `${data.seed === null ? 'seed: null' : 'No seed'}: torchtune draws a random seed for every run. Set seed to an integer.`,
      data: { key: 'seed', value: 42 },
    });
  }
  if (!('dtype' in data)) {
    findings.push({
      code: 'config-no-precision',
      message: 'dtype is not stated (bf16 or fp32).',
      data: { key: 'dtype' },
    });
  }
  if (!('device' in data) && !('batch_size' in data)) {
    findings.push({
      code: 'config-no-hardware',
      message: 'Neither device nor batch_size is stated: say what the recipe ran on and with what per-device batch.',
      data: { key: 'device' },
    });
  }
  return findings;
}

function axolotl(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  // Absent (or 0) seed means Axolotl's default 42, and bf16 defaults to "auto": both reproducible.
  if (!('micro_batch_size' in data) && !('batch_size' in data)) {
    findings.push({
      code: 'config-no-hardware',
      message: 'No micro_batch_size (per-GPU batch) is stated.',
      data: { key: 'micro_batch_size' },
    });
  }
  const revisionKey = 'revision_of_model' in data ? 'revision_of_model' : 'model_revision';
  const revision = data[revisionKey];
  if (isHubId(data.base_model) && !isPinned(revision)) {
    findings.push(
      unpinned({ idPath: ['base_model'], id: data.base_model, revisionKey, revisionPath: [revisionKey], revision }),
    );
  }
  const datasets = Array.isArray(data.datasets) ? data.datasets : [];
  datasets.forEach((dataset, index) => {
    if (isMapping(dataset) && isHubId(dataset.path) && !isPinned(dataset.revision)) {
      findings.push(
        unpinned({
          idPath: ['datasets', index, 'path'],
          id: dataset.path,
          revisionKey: 'revision',
          revisionPath: ['datasets', index, 'revision'],
          revision: dataset.revision,
        }),
      );
    }
  });
  return findings;
}

function deepspeed(data: Data): ReproFinding[] {
  const findings: ReproFinding[] = [];
  // DeepSpeed has no seed key: the training script seeds. Precision and batch it does hold.
  const precision = ['fp16', 'bf16', 'bfloat16', 'amp', 'torch_autocast'].some((key) => isMapping(data[key]));
  if (!precision) {
    findings.push({
      code: 'config-no-precision',
      message: 'No fp16, bf16 or amp section: DeepSpeed then trains in fp32.',
      data: { key: 'bf16' },
    });
  }
  if (!('train_micro_batch_size_per_gpu' in data) && !('train_batch_size' in data)) {
    findings.push({
      code: 'config-no-hardware',
      message: 'Neither train_micro_batch_size_per_gpu nor train_batch_size is stated.',
      data: { key: 'train_micro_batch_size_per_gpu' },
    });
  }
  return findings;
}
