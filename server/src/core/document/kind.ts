/**
 * What a file is to Cardwright. `other` files get no diagnostics and are not listed by the CLI.
 * `project-config` is Cardwright's own `.cardwright.yaml`, checked so a broken setting is seen.
 */
export type DocumentKind = 'model-card' | 'dataset-card' | 'training-config' | 'project-config' | 'other';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'model-card',
  'dataset-card',
  'training-config',
  'project-config',
  'other',
];

/** The names of the project settings file, in the order they are looked for. */
export const PROJECT_CONFIG_NAMES: readonly string[] = ['.cardwright.yaml', '.cardwright.yml'];

export function isProjectConfigFile(fileName: string): boolean {
  return PROJECT_CONFIG_NAMES.includes(fileName);
}

export interface KindEvidence {
  /** File name without folders. */
  fileName: string;
  /** Top-level front-matter keys, when the front matter parsed as a mapping. */
  frontMatterKeys: readonly string[];
  /** The Markdown body's first heading text, if any (e.g. "Model Card for X"). */
  title?: string;
  /** Texts of the body's headings, for telling a dataset card from a model card. */
  headings?: () => readonly string[];
  /** Lists the files beside the document (asked only when needed); absent for unsaved editors. */
  siblings?: () => readonly string[];
}

/** `MODEL_CARD.md`, `model-card.md`, `modelcard.md`, `x.modelcard.md`, `MUSICGEN_MODEL_CARD.md`. */
const MODEL_CARD_NAMES = /(^|[._-])model[_-]?card\.md$/i;
const DATASET_CARD_NAMES = /((^|[._-])dataset[_-]?card|^datasheet)\.md$/i;

/** Keys only a model card has (product.md §1), plus `datasets`, which a dataset card never uses. */
const MODEL_KEYS = [
  'pipeline_tag',
  'library_name',
  'model-index',
  'base_model',
  'base_model_relation',
  'datasets',
  'widget',
  'metrics',
  'inference',
  'co2_eq_emissions',
  'model_name',
  'new_version',
  'mask_token',
];
const DATASET_KEYS = [
  'task_categories',
  'task_ids',
  'size_categories',
  'configs',
  'dataset_info',
  'annotations_creators',
  'language_creators',
  'multilinguality',
  'source_datasets',
  'pretty_name',
  'paperswithcode_id',
];
/** Keys both kinds of card use: they make a README a card, but not which kind. */
const CARD_KEYS = ['license', 'language', 'languages', 'licenses', 'tags', 'license_name', 'license_link', 'thumbnail'];

/** Headings only dataset cards have (both Hub templates). */
const DATASET_HEADINGS =
  /^(dataset (summary|structure|description|creation|details|sources)|data (fields|splits|instances)|considerations for using the data|supported tasks and leaderboards)\b/i;

/** Weights or model configs beside a README make it the model's card. */
const MODEL_FILE =
  /^(config\.json|adapter_config\.json|.+\.safetensors|pytorch_model.*\.bin|.+\.(onnx|gguf|ckpt|pt|pth|h5|keras|joblib|skops|msgpack))$/i;

/** Classifies a Markdown document. Explicit names win over content; content over neighbours. */
export function detectMarkdownKind(evidence: KindEvidence): DocumentKind {
  const { fileName, frontMatterKeys, title, siblings } = evidence;
  if (MODEL_CARD_NAMES.test(fileName)) return 'model-card';
  if (DATASET_CARD_NAMES.test(fileName)) return 'dataset-card';
  if (!/^readme\.md$/i.test(fileName)) return 'other';
  const modelScore = frontMatterKeys.filter((key) => MODEL_KEYS.includes(key)).length;
  const datasetScore = frontMatterKeys.filter((key) => DATASET_KEYS.includes(key)).length;
  if (modelScore > datasetScore) return 'model-card';
  if (datasetScore > modelScore) return 'dataset-card';
  if (title && /^model card\b/i.test(title)) return 'model-card';
  if (title && /^dataset card\b/i.test(title)) return 'dataset-card';
  if (siblings?.().some((name) => MODEL_FILE.test(name))) return 'model-card';
  if (frontMatterKeys.some((key) => CARD_KEYS.includes(key))) {
    const datasetHeadings = evidence.headings?.().filter((heading) => DATASET_HEADINGS.test(heading)).length ?? 0;
    return datasetHeadings >= 2 ? 'dataset-card' : 'model-card';
  }
  return 'other';
}

export function isMarkdownFile(fileName: string): boolean {
  return /\.(md|markdown)$/i.test(fileName);
}
