import type { ConfigFormat } from './formats';

export interface ConfigEvidence {
  fileName: string;
  /** The parsed file (mapping expected). */
  data: unknown;
  /** The raw text, for header comments (`# lightning.pytorch==2.1`, `# @package _global_`). */
  text: string;
  /** Names of the files beside it (for `params.yaml` next to a `dvc.yaml`); read only when needed. */
  siblings?: () => readonly string[];
}

type Data = Record<string, unknown>;

const isMapping = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (data: Data, ...keys: string[]): boolean => keys.some((key) => key in data);
const count = (data: Data, keys: readonly string[]): number => keys.filter((key) => key in data).length;

/** Keys TrainingArguments-style configs share with other tools... */
const HF_KEYS = [
  'output_dir',
  'per_device_train_batch_size',
  'per_device_eval_batch_size',
  'num_train_epochs',
  'gradient_accumulation_steps',
  'learning_rate',
  'lr_scheduler_type',
  'warmup_ratio',
  'warmup_steps',
  'logging_steps',
  'save_steps',
  'save_strategy',
  'eval_strategy',
  'evaluation_strategy',
  'bf16',
  'fp16',
  'model_name_or_path',
  'seed',
];
/** ...and keys only Hugging Face scripts use: one must be present, so generic YAML is not taken. */
const HF_SPECIFIC = [
  'per_device_train_batch_size',
  'per_device_eval_batch_size',
  'num_train_epochs',
  'lr_scheduler_type',
  'eval_strategy',
  'evaluation_strategy',
  'save_strategy',
  'logging_strategy',
  'model_name_or_path',
  'hub_model_id',
  'report_to',
  'gradient_checkpointing_kwargs',
  'dataset_mixture',
  'dataset_mixer',
];

/**
 * Recognises a training config by name and content, in the order of docs/config-formats.md
 * (first match wins; keys are matched exactly, never as substrings). Undefined: not a config.
 */
export function detectConfigFormat({ fileName, data, text, siblings }: ConfigEvidence): ConfigFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower === 'mlproject') return 'mlproject';
  if (lower === 'dvc.yaml' || lower === 'dvc.yml') return 'dvc-yaml';
  if (!isMapping(data)) return undefined;
  // DVC's default parameters file: free-form, so only its place says what it is (dvc.lock exists
  // only where a dvc.yaml ran).
  if (lower === 'params.yaml' && siblings?.().some((name) => /^dvc\.(ya?ml|lock)$/.test(name))) return 'dvc-params';
  // W&B's files/config.yaml is a run record ({desc, value} per key), not a config to validate.
  if (has(data, 'wandb_version', '_wandb')) return undefined;
  // The Trainer's trainer_state.json records a run (log_history, global_step): also not a config.
  if (has(data, 'log_history', 'global_step')) return undefined;
  // Hydra's saved runtime settings (.hydra/hydra.yaml) hold one key, `hydra`, with its own ??? slots.
  if (Object.keys(data).length === 1 && 'hydra' in data) return undefined;
  // Accelerate launcher configs look like DeepSpeed/HF but are neither.
  if (has(data, 'compute_environment') && has(data, 'distributed_type')) return undefined;
  if (
    has(data, 'zero_optimization', 'train_micro_batch_size_per_gpu') ||
    ('train_batch_size' in data &&
      (isMapping(data.fp16) || isMapping(data.bf16) || isMapping(data.optimizer) || 'steps_per_print' in data))
  ) {
    return 'deepspeed';
  }
  if (hasKeyDeep(data, '_component_', 6)) return 'torchtune';
  if (isMlAgents(data)) return 'ml-agents';
  if (isMergekit(data)) return 'mergekit';
  if (isHydra(data, text)) return 'hydra';
  if (isLightningCli(data, text)) return 'lightning-cli';
  if (typeof data.base_model === 'string' && !('merge_method' in data)) {
    if (Array.isArray(data.datasets) || has(data, 'sequence_len', 'micro_batch_size', 'adapter', 'num_epochs'))
      return 'axolotl';
  }
  // AutoTrain's training_params.json also has evaluation_strategy, save_strategy, fp16, seed...
  if ('project_name' in data && has(data, 'data_path', 'trainer')) {
    return typeof data.model === 'string' && has(data, 'lr', 'epochs', 'batch_size') ? 'autotrain' : undefined;
  }
  if (count(data, HF_KEYS) >= 2 && count(data, HF_SPECIFIC) >= 1) return 'hf-training-args';
  return undefined;
}

/** mlagents-learn: `behaviors.<name>` settings with a `trainer_type`, or its run sections. */
function isMlAgents(data: Data): boolean {
  if (!isMapping(data.behaviors)) return false;
  const behaviors = Object.values(data.behaviors);
  return (
    behaviors.some((behavior) => isMapping(behavior) && typeof behavior.trainer_type === 'string') ||
    has(data, 'env_settings', 'engine_settings', 'checkpoint_settings', 'torch_settings')
  );
}

/** mergekit-yaml: `merge_method` with the models it merges (`models`, `slices` or `base_model`). */
function isMergekit(data: Data): boolean {
  return (
    typeof data.merge_method === 'string' &&
    (Array.isArray(data.models) || Array.isArray(data.slices) || typeof data.base_model === 'string')
  );
}

function isHydra(data: Data, text: string): boolean {
  if (/^#\s*@package\b/m.test(text)) return true;
  const defaults = data.defaults;
  if (Array.isArray(defaults) && defaults.length > 0) {
    const hydraItem = (item: unknown): boolean =>
      typeof item === 'string' || (isMapping(item) && Object.keys(item).length === 1);
    if (defaults.every(hydraItem)) return true;
  }
  return hasKeyDeep(data, '_target_', 6);
}

function isLightningCli(data: Data, text: string): boolean {
  if (/^#\s*(lightning\.pytorch|pytorch_lightning)==/m.test(text)) return true;
  const withTrainer = (section: unknown): boolean =>
    isMapping(section) &&
    isMapping(section.trainer) &&
    has(section, 'model', 'data', 'seed_everything', 'ckpt_path', 'optimizer', 'lr_scheduler');
  return (
    withTrainer(data) ||
    ['fit', 'validate', 'test', 'predict'].some(
      (command) => isMapping(data[command]) && isMapping((data[command] as Data).trainer),
    )
  );
}

function hasKeyDeep(value: unknown, key: string, depth: number): boolean {
  if (depth < 0) return false;
  if (Array.isArray(value)) return value.some((item) => hasKeyDeep(item, key, depth - 1));
  if (!isMapping(value)) return false;
  return key in value || Object.values(value).some((inner) => hasKeyDeep(inner, key, depth - 1));
}
