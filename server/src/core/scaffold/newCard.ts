/**
 * New Model Card / New Dataset Card: Markdown with front matter filled from what the workspace
 * shows (config.json, the model and data files) and one section per concept of the active
 * profile, each with the question it answers (as a comment) and a placeholder the checker flags
 * until someone answers it. Pure: the caller lists the folder and parses config.json.
 */
import { stringify } from 'yaml';
import type { CardKind } from '../concepts';
import { requiredConcepts } from '../conceptProfiles';
import type { ProjectConfig } from '../projectConfig';
import { flavourOfFiles, type Flavour } from './flavour';

/** One section of the template: the heading to write and the question it answers. */
export interface TemplateSection {
  heading: string;
  /** Phrased to follow "Say ", like the add-section quick-fix ("what the model is for"). */
  question: string;
}

export interface NewCardInput {
  /** The sections to write, in order; `profileSections` gives the active profile's. */
  sections: readonly TemplateSection[];
  /** The model's or dataset's name, for the title (usually the folder name). */
  name: string;
  /** Paths of the files beside the card, relative to its folder (`data/train.csv` allowed). */
  files: readonly string[];
}

export interface NewModelCardInput extends NewCardInput {
  /** The folder's config.json, parsed, when there is one. */
  configJson?: unknown;
}

/** The placeholder the Hub templates use; `placeholder-text` flags it. */
const PLACEHOLDER = '[More Information Needed]';

/** The sections of the active profile for `kind`, in the concepts' order. */
export function profileSections(config: ProjectConfig, kind: CardKind): TemplateSection[] {
  return requiredConcepts(config, kind).map(({ heading, question }) => ({ heading, question }));
}

/** Flavour -> the Hub's library id (only ids the Hub lists, so the card gets no warning for it). */
const HUB_LIBRARY: Readonly<Partial<Record<Flavour, string>>> = {
  transformers: 'transformers',
  diffusers: 'diffusers',
  'sentence-transformers': 'sentence-transformers',
  timm: 'timm',
  'scikit-learn': 'sklearn',
  keras: 'keras',
};

/** transformers class-name suffix -> pipeline_tag. */
const ARCHITECTURE_TASKS: readonly [RegExp, string][] = [
  [/ForSequenceClassification$/, 'text-classification'],
  [/ForTokenClassification$/, 'token-classification'],
  [/ForQuestionAnswering$/, 'question-answering'],
  [/ForMaskedLM$/, 'fill-mask'],
  [/ForCausalLM$/, 'text-generation'],
  [/ForMultipleChoice$/, 'multiple-choice'],
  [/ForImageClassification$/, 'image-classification'],
  [/ForObjectDetection$/, 'object-detection'],
  [/For(?:Semantic|Instance|Universal)?Segmentation$/, 'image-segmentation'],
  [/ForDepthEstimation$/, 'depth-estimation'],
  [/For(?:CTC|SpeechSeq2Seq)$/, 'automatic-speech-recognition'],
  [/ForAudioClassification$/, 'audio-classification'],
  [/For(?:ImageTextToText|Vision2Seq)$/, 'image-text-to-text'],
];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isLineOrControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** A heading or title line from a name: one line, no Markdown markup at its start. */
function titleText(name: string): string {
  // Control characters and line breaks become spaces (a regex class of them would put control
  // characters in the pattern, which the linter refuses).
  const oneLine = [...name].map((char) => (isLineOrControl(char) ? ' ' : char)).join('');
  return oneLine.replace(/^[\s#>*+-]+/, '').trim() || 'Untitled';
}

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** Front matter a model folder shows: library, task, tags and base model from config.json and files. */
export function modelFrontMatter(files: readonly string[], configJson: unknown): Record<string, unknown> {
  const config = record(configJson);
  const names = files.map(baseName);
  const metadata: Record<string, unknown> = {};
  // timm writes `architecture` (one string) and its own `pretrained_cfg` into config.json.
  const isTimm = typeof config.architecture === 'string';
  const flavour = isTimm ? 'timm' : flavourOfFiles(names);
  const library = flavour ? HUB_LIBRARY[flavour] : undefined;
  if (library) metadata.library_name = library;
  const architectures = Array.isArray(config.architectures)
    ? config.architectures.filter((item): item is string => typeof item === 'string')
    : [];
  const task = isTimm
    ? 'image-classification'
    : ARCHITECTURE_TASKS.find(([pattern]) => architectures.some((name) => pattern.test(name)))?.[1];
  if (task) metadata.pipeline_tag = task;
  const tags = [typeof config.model_type === 'string' ? config.model_type : undefined, isTimm ? 'timm' : undefined];
  const presentTags = tags.filter((tag): tag is string => tag !== undefined && /^[\w.-]+$/.test(tag));
  if (presentTags.length > 0) metadata.tags = presentTags;
  const base = config._name_or_path;
  if (typeof base === 'string' && HUB_ID.test(base)) metadata.base_model = base;
  return metadata;
}

const SPLITS: readonly [RegExp, string][] = [
  [/^train/i, 'train'],
  [/^(?:validation|valid|val|dev)(?![a-z])/i, 'validation'],
  [/^test/i, 'test'],
];
const DATA_FILE = /\.(?:csv|tsv|jsonl|json|parquet|arrow|txt)(?:\.gz)?$/i;

/** Front matter a dataset folder shows: a default config whose splits are the data files found. */
export function datasetFrontMatter(name: string, files: readonly string[]): Record<string, unknown> {
  const metadata: Record<string, unknown> = { pretty_name: titleText(name) };
  const dataFiles = SPLITS.flatMap(([pattern, split]) => {
    const paths = files.filter((path) => DATA_FILE.test(path) && pattern.test(baseName(path))).sort();
    if (paths.length === 0) return [];
    return [{ split, path: paths.length === 1 ? paths[0] : paths }];
  });
  if (dataFiles.length > 0) metadata.configs = [{ config_name: 'default', data_files: dataFiles }];
  return metadata;
}

const LICENSE_HINT =
  '# license: apache-2.0  # uncomment and set: https://huggingface.co/docs/hub/repositories-licenses';

function frontMatterBlock(metadata: Record<string, unknown>): string {
  const yaml = Object.keys(metadata).length > 0 ? stringify(metadata, { lineWidth: 0 }) : '';
  return `---\n# Filled in by Cardwright from the files in this folder: check each value.\n${LICENSE_HINT}\n${yaml}---\n`;
}

function body(title: string, intro: string, sections: readonly TemplateSection[]): string {
  const parts = [`# ${title}`, `<!-- Say ${intro}. -->\n${PLACEHOLDER}`];
  for (const section of sections) {
    parts.push(
      `## ${titleText(section.heading)}`,
      `<!-- Say ${section.question.replace(/--+/g, '-')}. -->\n${PLACEHOLDER}`,
    );
  }
  return parts.join('\n\n') + '\n';
}

export function newModelCard(input: NewModelCardInput): string {
  const metadata = modelFrontMatter(input.files, input.configJson);
  const title = `Model Card for ${titleText(input.name)}`;
  return `${frontMatterBlock(metadata)}\n${body(title, 'in one or two sentences what the model is and who made it', input.sections)}`;
}

export function newDatasetCard(input: NewCardInput): string {
  const metadata = datasetFrontMatter(input.name, input.files);
  const title = `Dataset Card for ${titleText(input.name)}`;
  return `${frontMatterBlock(metadata)}\n${body(title, 'in one or two sentences what the dataset is and who made it', input.sections)}`;
}
