/**
 * Which kind of loading code an example script gets. `library_name` decides when the card names a
 * library we know (also the names users write that are not Hub ids: `onnx`, `pytorch`, `keras`);
 * else the files beside the card, then the tags, then the task.
 */
import { DIFFUSION_TASKS, pipelineTask } from './tasks';

export type Flavour =
  | 'transformers'
  | 'diffusers'
  | 'sentence-transformers'
  | 'timm'
  | 'scikit-learn'
  | 'onnxruntime'
  | 'pytorch'
  | 'keras'
  | 'generic';

export const FLAVOURS: readonly Flavour[] = [
  'transformers',
  'diffusers',
  'sentence-transformers',
  'timm',
  'scikit-learn',
  'onnxruntime',
  'pytorch',
  'keras',
  'generic',
];

export interface FlavourChoice {
  flavour: Flavour;
  /** Why, for the user ("library_name", "model files", "tags", "pipeline_tag", "nothing matched"). */
  reason: string;
}

/**
 * Library names (lower case, `_` and spaces as `-`) -> flavour. `peft` adapters and `unsloth`
 * checkpoints load through transformers (it loads an adapter repo when peft is installed).
 */
const LIBRARY_FLAVOURS: Readonly<Record<string, Flavour>> = {
  transformers: 'transformers',
  peft: 'transformers',
  unsloth: 'transformers',
  diffusers: 'diffusers',
  'sentence-transformers': 'sentence-transformers',
  timm: 'timm',
  sklearn: 'scikit-learn',
  'scikit-learn': 'scikit-learn',
  skops: 'scikit-learn',
  joblib: 'scikit-learn',
  onnx: 'onnxruntime',
  onnxruntime: 'onnxruntime',
  'onnx-runtime': 'onnxruntime',
  pytorch: 'pytorch',
  torch: 'pytorch',
  torchscript: 'pytorch',
  'pytorch-lightning': 'pytorch',
  lightning: 'pytorch',
  keras: 'keras',
  'tf-keras': 'keras',
  tensorflow: 'keras',
};

/** Tags that name a generic framework rather than the library: weakest evidence, looked at last. */
const FRAMEWORK_TAGS = ['pytorch', 'torch', 'tensorflow'];

function normalizeLibrary(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export function flavourOfLibrary(name: string): Flavour | undefined {
  return LIBRARY_FLAVOURS[normalizeLibrary(name)];
}

function hasSuffix(files: readonly string[], ...suffixes: string[]): boolean {
  return files.some((file) => suffixes.some((suffix) => file.toLowerCase().endsWith(suffix)));
}

/** File suffixes each file-loading flavour reads, best first. */
export const MODEL_FILE_SUFFIXES: Readonly<Partial<Record<Flavour, readonly string[]>>> = {
  'scikit-learn': ['.joblib', '.skops', '.pkl', '.pickle'],
  onnxruntime: ['.onnx'],
  keras: ['.keras', '.h5'],
  pytorch: ['.pt', '.pth', '.ptl', '.ckpt', '.bin'],
};

const WEIGHT_SUFFIXES = ['.safetensors', '.bin', '.h5', '.msgpack', '.gguf'];

/** The flavour the files beside the card point at, most specific first. */
export function flavourOfFiles(files: readonly string[]): Flavour | undefined {
  const names = files.map((file) => file.toLowerCase());
  if (names.includes('model_index.json')) return 'diffusers';
  if (names.includes('sentence_bert_config.json') || names.includes('modules.json')) return 'sentence-transformers';
  if (hasSuffix(names, '.onnx')) return 'onnxruntime';
  if (hasSuffix(names, ...(MODEL_FILE_SUFFIXES['scikit-learn'] ?? []))) return 'scikit-learn';
  if (names.includes('config.json') && hasSuffix(names, ...WEIGHT_SUFFIXES)) return 'transformers';
  if (hasSuffix(names, '.keras', '.h5')) return 'keras';
  if (hasSuffix(names, '.pt', '.pth', '.ptl', '.ckpt')) return 'pytorch';
  return undefined;
}

/** Whether a file name looks like model weights or a saved model (for "does the folder hold the model"). */
export function isModelFile(name: string): boolean {
  const lower = name.toLowerCase();
  const suffixes = [...Object.values(MODEL_FILE_SUFFIXES).flat(), ...WEIGHT_SUFFIXES];
  return suffixes.some((suffix) => lower.endsWith(suffix)) || lower === 'model_index.json';
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function flavourOfTags(tags: readonly string[], frameworks: boolean): Flavour | undefined {
  const picked = tags.filter((tag) => FRAMEWORK_TAGS.includes(tag.toLowerCase()) === frameworks);
  const flavours = picked.map(flavourOfLibrary).filter((flavour) => flavour !== undefined);
  // Prefer the order of FLAVOURS (transformers before pytorch) over the order of the tags.
  return FLAVOURS.find((flavour) => flavours.includes(flavour));
}

function flavourOfTask(task: string | undefined): Flavour | undefined {
  if (task === undefined) return undefined;
  if (DIFFUSION_TASKS.includes(task)) return 'diffusers';
  if (task === 'sentence-similarity') return 'sentence-transformers';
  if (task === 'tabular-classification' || task === 'tabular-regression') return 'scikit-learn';
  return pipelineTask(task) ? 'transformers' : undefined;
}

export function chooseFlavour(metadata: Record<string, unknown>, files: readonly string[]): FlavourChoice {
  const library = typeof metadata.library_name === 'string' ? metadata.library_name : undefined;
  const task = typeof metadata.pipeline_tag === 'string' ? metadata.pipeline_tag : undefined;
  const tags = stringList(metadata.tags);
  if (library !== undefined && library.trim() !== '') {
    const named = flavourOfLibrary(library);
    if (named) return { flavour: named, reason: 'library_name' };
    // A library we have no recipe for (nemo, stable-baselines3...): its task says nothing about
    // how to load it, but a saved file in a format we know still does.
    const fromFiles = flavourOfFiles(files);
    return fromFiles ? { flavour: fromFiles, reason: 'model files' } : { flavour: 'generic', reason: 'library_name' };
  }
  const fromFiles = flavourOfFiles(files);
  if (fromFiles) return { flavour: fromFiles, reason: 'model files' };
  const fromTags = flavourOfTags(tags, false);
  if (fromTags) return { flavour: fromTags, reason: 'tags' };
  const fromTask = flavourOfTask(task);
  if (fromTask) return { flavour: fromTask, reason: 'pipeline_tag' };
  const fromFramework = flavourOfTags(tags, true);
  if (fromFramework) return { flavour: fromFramework, reason: 'tags' };
  return { flavour: 'generic', reason: 'nothing matched' };
}
