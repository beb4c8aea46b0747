import { basename, joinPath } from '../fileSystem';
import { asString, collectMetrics, isMapping, readJson, toFiniteNumber, type Data } from './fileData';
import { parseModelReference } from './modelReference';
import type { RunAdapter } from './runAdapter';
import type { RunDeps } from './runDeps';
import { newRunRecord, type RunRecord } from './runRecord';

/*
 * A Hugging Face Trainer output folder (transformers trainer.py, trainer_callback.py):
 *   trainer_state.json   global_step, max_steps, epoch, log_history[], best_metric, train_batch_size
 *   all_results.json     what `trainer.save_metrics("all", ...)` merged: train_*, eval_*, epoch
 *   train_results.json, eval_results.json, predict_results.json / test_results.json
 *   config.json          the model: architectures, model_type, torch_dtype, _name_or_path
 *   training_args.bin    a Python pickle: never read (unpickling runs code)
 *   checkpoint-<n>/      checkpoints of the same run, each with its own trainer_state.json
 */

const RESULT_FILES = [
  'all_results.json',
  'train_results.json',
  'eval_results.json',
  'predict_results.json',
  'test_results.json',
];
const MARKERS = ['trainer_state.json', ...RESULT_FILES];
/** trainer_state.json fields that describe how the run was set up. */
const STATE_PARAMS = ['max_steps', 'num_train_epochs', 'train_batch_size', 'logging_steps', 'eval_steps', 'save_steps'];
/** log_history fields that are positions, not metrics. */
const LOG_POSITION_KEYS = new Set(['step', 'epoch']);

export const hfTrainerAdapter: RunAdapter = {
  tracker: 'hf-trainer',
  readFolder(folder, entries, deps) {
    if (!MARKERS.some((name) => entries.includes(name))) return undefined;
    // Checkpoints are this run's, not runs of their own; other trackers' folders are still walked.
    return { runs: [readTrainerFolder(folder, deps)], skip: isCheckpointFolder };
  },
  readRun(path, deps) {
    const entries = deps.fs.readDirectory(path);
    return MARKERS.some((name) => entries.includes(name)) ? readTrainerFolder(path, deps) : undefined;
  },
};

function isCheckpointFolder(name: string): boolean {
  return /^checkpoint-\d+$/.test(name) || name === 'last-checkpoint';
}

function readTrainerFolder(path: string, deps: RunDeps): RunRecord {
  const { fs } = deps;
  const record = newRunRecord('hf-trainer', path, basename(path));
  const stateJson = readJson(fs, joinPath(path, 'trainer_state.json'));
  const state = isMapping(stateJson) ? stateJson : undefined;
  const results = RESULT_FILES.map((name) => readJson(fs, joinPath(path, name))).filter(isMapping);

  // all_results.json comes first and wins; the split files fill in what it lacks.
  for (const result of [...results].reverse()) collectMetrics(result, record.metrics);
  if (results.length === 0 && state) lastLoggedValues(state.log_history, record.metrics);

  if (state) {
    const step = toFiniteNumber(state.global_step);
    if (step !== undefined) record.params.global_step = step;
    for (const key of STATE_PARAMS) {
      const value = toFiniteNumber(state[key]);
      if (value !== undefined) record.params[key] = value;
    }
  }
  record.status = finished(state, results) ? 'finished' : 'unknown';
  if (record.status === 'unknown' && state) {
    const step = toFiniteNumber(state.global_step);
    const max = toFiniteNumber(state.max_steps);
    if (step !== undefined && max)
      record.notes.push(`trainer_state.json stops at step ${step} of ${max}: a checkpoint, or training stopped early`);
  }
  if (fs.exists(joinPath(path, 'training_args.bin'))) {
    record.notes.push('training_args.bin is a Python pickle and is not read: training arguments are not known');
  }

  const modelJson = readJson(fs, joinPath(path, 'config.json'));
  if (isMapping(modelJson)) readModelConfig(modelJson, record);
  return record;
}

/**
 * Training ended when its summary was written (train results, or the final `train_runtime`
 * log), or when the state reached its last step.
 */
function finished(state: Data | undefined, results: Data[]): boolean {
  if (results.some((result) => 'train_runtime' in result || 'train_loss' in result)) return true;
  const history = Array.isArray(state?.log_history) ? state.log_history : [];
  if (history.some((entry) => isMapping(entry) && 'train_runtime' in entry)) return true;
  const step = toFiniteNumber(state?.global_step);
  const max = toFiniteNumber(state?.max_steps);
  return step !== undefined && max !== undefined && max > 0 && step >= max;
}

/**
 * The last logged value of each metric in log_history (for folders without *_results.json).
 * A last value that was NaN (null once parsed) removes the metric: an earlier value is not final.
 */
function lastLoggedValues(history: unknown, into: Record<string, number>): void {
  if (!Array.isArray(history)) return;
  for (const entry of history) {
    collectMetrics(entry, into, { skip: (key) => LOG_POSITION_KEYS.has(key) });
    if (!isMapping(entry)) continue;
    for (const [key, value] of Object.entries(entry)) if (value === null) delete into[key];
  }
}

/** Model facts from config.json: what was trained and from which checkpoint it started. */
function readModelConfig(config: Data, record: RunRecord): void {
  const architecture = Array.isArray(config.architectures) ? asString(config.architectures[0]) : undefined;
  const modelType = asString(config.model_type);
  const dtype = asString(config.torch_dtype) ?? asString(config.dtype);
  if (architecture) record.params.architecture = architecture;
  if (modelType) record.params.model_type = modelType;
  if (dtype) record.params.torch_dtype = dtype;
  const nameOrPath = asString(config._name_or_path);
  const baseModel = nameOrPath ? parseModelReference(nameOrPath) : undefined;
  if (baseModel) record.baseModel = baseModel;
}
