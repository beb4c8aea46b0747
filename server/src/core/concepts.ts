/**
 * The questions a card must answer, one definition each: the question (messages, and the comment
 * a quick-fix or New Card template writes under the heading), the heading to suggest, and what
 * satisfies it. The words (headings per language, sentence patterns) are data in conceptWording/,
 * tuned on the real cards in the shared corpus (`npm run corpus-report`); matching is in
 * conceptMatch.ts.
 */
import {
  DATASET_HEADINGS,
  MODEL_HEADINGS,
  sentencesFor,
  type HeadingWording,
  type SentencePattern,
} from './conceptWording';
export type CardKind = 'model-card' | 'dataset-card';

export type ModelConceptId =
  | 'intended-use'
  | 'inputs'
  | 'outputs'
  | 'training-data'
  | 'evaluation'
  | 'limitations'
  | 'hardware'
  | 'getting-started';

export type DatasetConceptId = 'summary' | 'structure' | 'creation' | 'uses' | 'limitations' | 'license';

export type ConceptId = ModelConceptId | DatasetConceptId;

/** A front-matter fact that answers the question as well as a section would. */
export type FrontMatterFact = (metadata: Record<string, unknown>) => boolean;

export interface Concept {
  id: ConceptId;
  kind: CardKind;
  /** The heading a fix or template adds. */
  heading: string;
  /** The reader's question, phrased so it can follow "The card does not say ". */
  question: string;
  /** Phrases that satisfy the concept anywhere in a heading or label, as whole words. */
  phrases: readonly string[];
  /** Headings (or labels) that satisfy it only as the whole text: single words that mean more elsewhere. */
  exact?: readonly string[];
  frontMatter?: FrontMatterFact;
  /** Sentences that answer it in prose ("The model takes an image as input"). */
  prose: readonly SentencePattern[];
  /** Code comments giving a shape or a sample rate answer it (inputs, outputs). */
  codeComments?: 'inputs' | 'outputs';
  /** The title's own paragraph answers it (a dataset's summary usually sits there). */
  intro?: boolean;
  /** A runnable example (a fenced code block in a programming language, not a stub) answers it. */
  code?: boolean;
  /** Which front-matter facts answer it, in words (docs and the corpus report). */
  frontMatterNote?: string;
}

const has =
  (...keys: string[]): FrontMatterFact =>
  (metadata) =>
    keys.some((key) => {
      const value = metadata[key];
      return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
    });

/**
 * Tasks (huggingface.js pipelines.ts ids) whose definition fixes both what goes in and what comes
 * out: `text-to-image` is a text prompt in and an image out, `automatic-speech-recognition` audio in
 * and a transcript out. A `pipeline_tag` or model-index task among them answers inputs and
 * outputs. Classification, detection, ranking and the like are left out on purpose: the label set is
 * the model's own, so the tag leaves the reader's question (which labels, for which inputs) open.
 */
export const MODALITY_TASKS: ReadonlySet<string> = new Set([
  'text-generation',
  'text2text-generation',
  'conversational',
  'translation',
  'summarization',
  'fill-mask',
  'question-answering',
  'table-question-answering',
  'visual-question-answering',
  'document-question-answering',
  'feature-extraction',
  'sentence-similarity',
  'image-feature-extraction',
  'text-to-image',
  'image-to-text',
  'image-to-image',
  'image-text-to-text',
  'image-text-to-image',
  'image-text-to-video',
  'image-to-video',
  'text-to-video',
  'video-text-to-text',
  'video-to-video',
  'text-to-speech',
  'text-to-audio',
  'automatic-speech-recognition',
  'audio-to-audio',
  'audio-text-to-text',
  'depth-estimation',
  'mask-generation',
  'unconditional-image-generation',
  'text-to-3d',
  'image-to-3d',
  'time-series-forecasting',
]);

/** The task ids the front matter states: `pipeline_tag` and every model-index result's `task.type`. */
export function statedTasks(metadata: Record<string, unknown>): string[] {
  const tasks: string[] = [];
  if (typeof metadata.pipeline_tag === 'string') tasks.push(metadata.pipeline_tag);
  const index = metadata['model-index'];
  for (const entry of Array.isArray(index) ? index : []) {
    const results = (entry as { results?: unknown } | null)?.results;
    for (const result of Array.isArray(results) ? results : []) {
      const type = (result as { task?: { type?: unknown } } | null)?.task?.type;
      if (typeof type === 'string') tasks.push(type);
    }
  }
  return tasks;
}

const statesModality: FrontMatterFact = (metadata) => statedTasks(metadata).some((task) => MODALITY_TASKS.has(task));

function words(wording: HeadingWording): Pick<Concept, 'phrases' | 'exact'> {
  return { phrases: Object.values(wording.phrases).flat(), exact: wording.exact };
}

export const MODEL_CONCEPTS: readonly Concept[] = [
  {
    id: 'intended-use',
    kind: 'model-card',
    heading: 'Uses',
    question: 'what the model is for and what it should not be used for',
    ...words(MODEL_HEADINGS['intended-use']),
    prose: sentencesFor('intended-use'),
  },
  {
    id: 'inputs',
    kind: 'model-card',
    heading: 'Inputs',
    question: 'what the model takes as input (type, format, size, language)',
    ...words(MODEL_HEADINGS.inputs),
    prose: sentencesFor('inputs'),
    codeComments: 'inputs',
    frontMatter: statesModality,
    frontMatterNote: 'a pipeline_tag or model-index task whose inputs the task fixes',
  },
  {
    id: 'outputs',
    kind: 'model-card',
    heading: 'Outputs',
    question: 'what the model returns, and in what format',
    ...words(MODEL_HEADINGS.outputs),
    prose: sentencesFor('outputs'),
    codeComments: 'outputs',
    frontMatter: statesModality,
    frontMatterNote: 'a pipeline_tag or model-index task whose outputs the task fixes',
  },
  {
    id: 'training-data',
    kind: 'model-card',
    heading: 'Training Data',
    question: 'what data the model was trained on',
    ...words(MODEL_HEADINGS['training-data']),
    prose: sentencesFor('training-data'),
    frontMatter: has('datasets'),
    frontMatterNote: '`datasets:`',
  },
  {
    id: 'evaluation',
    kind: 'model-card',
    heading: 'Evaluation',
    question: 'how well the model works, measured on what data and with which metrics',
    ...words(MODEL_HEADINGS.evaluation),
    prose: sentencesFor('evaluation'),
    frontMatter: has('model-index'),
    frontMatterNote: '`model-index:`',
  },
  {
    id: 'limitations',
    kind: 'model-card',
    heading: 'Bias, Risks, and Limitations',
    question: 'where the model fails and what risks and biases users should know about',
    ...words(MODEL_HEADINGS.limitations),
    prose: sentencesFor('limitations'),
  },
  {
    id: 'hardware',
    kind: 'model-card',
    heading: 'Hardware',
    question: 'what hardware the model was trained and runs on, and how fast it is',
    ...words(MODEL_HEADINGS.hardware),
    prose: sentencesFor('hardware'),
    frontMatter: (metadata) =>
      typeof metadata.co2_eq_emissions === 'object' &&
      metadata.co2_eq_emissions !== null &&
      'hardware_used' in metadata.co2_eq_emissions,
    frontMatterNote: '`co2_eq_emissions.hardware_used`',
  },
  {
    id: 'getting-started',
    kind: 'model-card',
    heading: 'How to Get Started with the Model',
    question: 'how to run the model (a minimal working example)',
    ...words(MODEL_HEADINGS['getting-started']),
    prose: sentencesFor('getting-started'),
    code: true,
  },
];

export const DATASET_CONCEPTS: readonly Concept[] = [
  {
    id: 'summary',
    kind: 'dataset-card',
    heading: 'Dataset Summary',
    question: 'what the dataset is, who made it and why',
    ...words(DATASET_HEADINGS.summary),
    prose: sentencesFor('summary'),
    intro: true,
  },
  {
    id: 'structure',
    kind: 'dataset-card',
    heading: 'Dataset Structure',
    question: 'what a record looks like: its fields, their types, and the splits',
    ...words(DATASET_HEADINGS.structure),
    prose: sentencesFor('structure'),
    frontMatter: has('dataset_info'),
    frontMatterNote: '`dataset_info:`',
  },
  {
    id: 'creation',
    kind: 'dataset-card',
    heading: 'Dataset Creation',
    question: 'where the data comes from and how it was collected and annotated',
    ...words(DATASET_HEADINGS.creation),
    prose: sentencesFor('creation'),
  },
  {
    id: 'uses',
    kind: 'dataset-card',
    heading: 'Uses',
    question: 'what the dataset is for and what it should not be used for',
    ...words(DATASET_HEADINGS.uses),
    prose: sentencesFor('uses'),
    // The datasets template's "Supported Tasks" section is what `task_categories` records.
    frontMatter: has('task_categories'),
    frontMatterNote: '`task_categories:` (the tasks it supports)',
  },
  {
    id: 'limitations',
    kind: 'dataset-card',
    heading: 'Bias, Risks, and Limitations',
    question: 'what biases, gaps and known problems the data has',
    ...words(DATASET_HEADINGS.limitations),
    prose: sentencesFor('limitations'),
  },
  {
    id: 'license',
    kind: 'dataset-card',
    heading: 'Licensing Information',
    question: 'under which license the data may be used',
    ...words(DATASET_HEADINGS.license),
    prose: sentencesFor('license'),
    frontMatter: has('license', 'licenses', 'license_name', 'license_link'),
    frontMatterNote: '`license:`',
  },
];

export const CONCEPTS: Readonly<Record<CardKind, readonly Concept[]>> = {
  'model-card': MODEL_CONCEPTS,
  'dataset-card': DATASET_CONCEPTS,
};

export function findConceptDefinition(kind: CardKind, id: string): Concept | undefined {
  return CONCEPTS[kind].find((concept) => concept.id === id);
}

export function isCardKind(kind: string): kind is CardKind {
  return kind === 'model-card' || kind === 'dataset-card';
}
