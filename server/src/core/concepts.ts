/**
 * The questions a card must answer, one definition each: the question (messages, and the comment
 * a quick-fix or New Card template writes under the heading), the heading to suggest, and what
 * satisfies it. Synonyms were tuned on the real cards in the shared corpus (`npm run
 * corpus-report`); matching is in conceptMatch.ts.
 */
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
  /**
   * Sentences that answer it in prose ("The model takes an image as input"), for concepts that
   * cards often state in a description rather than under a heading of their own.
   */
  prose?: readonly RegExp[];
  /** The title's own paragraph answers it (a dataset's summary usually sits there). */
  intro?: boolean;
  /** A runnable example (a fenced code block in a programming language) answers it. */
  code?: boolean;
}

const has =
  (...keys: string[]): FrontMatterFact =>
  (metadata) =>
    keys.some((key) => metadata[key] !== undefined && metadata[key] !== '');

/** Phrases shared by both kinds' limitations concepts. */
const LIMITATION_PHRASES = [
  'limitation',
  'bias',
  'risk',
  'caveat',
  'known issue',
  'ethical consideration',
  'failure mode',
  'weakness',
  'shortcoming',
  'blind spot',
  'coverage gap',
];

export const MODEL_CONCEPTS: readonly Concept[] = [
  {
    id: 'intended-use',
    kind: 'model-card',
    heading: 'Uses',
    question: 'what the model is for and what it should not be used for',
    phrases: [
      'intended use',
      'intended purpose',
      'intended user',
      'evaluated use',
      'model scope',
      'direct use',
      'downstream use',
      'out of scope',
      'use case',
      'primary use',
      'recommended use',
      'misuse',
      'uses and limitation',
    ],
    exact: ['uses', 'use', 'applications', 'scope'],
  },
  {
    id: 'inputs',
    kind: 'model-card',
    heading: 'Inputs',
    question: 'what the model takes as input (type, format, size, language)',
    phrases: ['input', 'prompt format', 'prompt template', 'chat template', 'instruction format'],
    prose: [/\b(?:takes?|uses?|accepts?|expects?|supports?) (?:[\w-]+,? ){0,8}(?:as )?inputs?\b/i],
  },
  {
    id: 'outputs',
    kind: 'model-card',
    heading: 'Outputs',
    question: 'what the model returns, and in what format',
    phrases: ['output'],
    prose: [
      // "...and produces text outputs", "it generates text in its output": a subject is required,
      // so "(must not) produce harmful outputs" in a license or a risk list does not count.
      /\b(?:model|it|and|which) (?:returns|outputs|produces|generates) (?:[\w-]+ ){0,3}(?:outputs?\b(?! when)|as (?:its )?output\b|in its output\b)/i,
      /\b(?:returns?|outputs?) (?:a |an |the )?(?:[\w-]+ ){0,3}(?:tokens?|scores?|similarity|embeddings?|labels?|probabilit(?:y|ies)|logits|vectors?|class(?:es)?)\b/i,
    ],
  },
  {
    id: 'training-data',
    kind: 'model-card',
    heading: 'Training Data',
    question: 'what data the model was trained on',
    phrases: [
      'training data',
      'training dataset',
      'training set',
      'training corpus',
      'training corpora',
      'pre training corpora',
      'pretraining corpora',
      'pretraining data',
      'pre training data',
      'fine tuning data',
      'finetuning data',
      'training and evaluation data',
    ],
    exact: ['data', 'dataset', 'datasets'],
    // "The model was trained on ~900 Taboo cards", "fine-tuned on the conll2003 dataset"; the
    // Trainer's "on an unknown dataset" / "on the None dataset" names nothing.
    prose: [
      /\b(?:pre-?trained|trained|fine-?tuned) (?:(?!tokenizer)[\w-]+ ){0,4}on (?!(?:an? |the )?(?:unknown|none)\b)(?:the |a |an |~?\d|\w+ (?:dataset|corpus|data)\b)/i,
    ],
    frontMatter: has('datasets'),
  },
  {
    id: 'evaluation',
    kind: 'model-card',
    heading: 'Evaluation',
    question: 'how well the model works, measured on what data and with which metrics',
    phrases: [
      'evaluation',
      'eval',
      'result',
      'benchmark',
      'performance',
      'metric',
      'quantitative analysis',
      'quantitative analyses',
      'leaderboard',
      'comparison',
      'downstream task',
      // A results table's header names the metric or benchmark (labels count like headings).
      'accuracy',
      'f1',
      'bleu',
      'rouge',
      'wer',
      'perplexity',
      'mmlu',
      'mteb',
      'glue',
      'mnli',
      'hellaswag',
      'gsm8k',
      'humaneval',
      'mmmu',
      'truthfulqa',
    ],
    frontMatter: has('model-index'),
  },
  {
    id: 'limitations',
    kind: 'model-card',
    heading: 'Bias, Risks, and Limitations',
    question: 'where the model fails and what risks and biases users should know about',
    phrases: LIMITATION_PHRASES,
    // "Labels such as relief perform very poorly", "the model may hallucinate": failure modes
    // stated in a description or a commentary section.
    prose: [
      /\b(?:performs? (?:very |quite |relatively )?poorly|struggles? (?:with|to)|(?:may|might|can|could) (?:fail|hallucinate|produce (?:inaccurate|incorrect|biased|harmful|offensive))|does not (?:work|perform) well|is not (?:suitable|intended) for)\b/i,
    ],
  },
  {
    id: 'hardware',
    kind: 'model-card',
    heading: 'Hardware',
    question: 'what hardware the model was trained and runs on, and how fast it is',
    phrases: [
      'hardware',
      'compute infrastructure',
      'speeds sizes times',
      'latency',
      'throughput',
      'gpu',
      'system and software',
      'development environment',
      'training environment',
    ],
    // A named accelerator in prose ("trained on 8 A100 GPUs", "on a TPU v3-8") states the hardware.
    prose: [
      /\b(?:A100|H100|H200|V100|A10G?|A6000|L40S?|T4|P100|K80|RTX ?\d{4}|GTX ?\d{4}|TPU ?v\d|TPUv\d|Gaudi ?\d?|MI\d{3}X?|Apple M[1-4])\b/,
    ],
    frontMatter: (metadata) =>
      typeof metadata.co2_eq_emissions === 'object' &&
      metadata.co2_eq_emissions !== null &&
      'hardware_used' in metadata.co2_eq_emissions,
  },
  {
    id: 'getting-started',
    kind: 'model-card',
    heading: 'How to Get Started with the Model',
    question: 'how to run the model (a minimal working example)',
    phrases: [
      'get started',
      'getting started',
      'quick start',
      'quickstart',
      'how to use',
      'usage',
      'example',
      'inference',
    ],
    code: true,
  },
];

export const DATASET_CONCEPTS: readonly Concept[] = [
  {
    id: 'summary',
    kind: 'dataset-card',
    heading: 'Dataset Summary',
    question: 'what the dataset is, who made it and why',
    phrases: ['summary', 'dataset description', 'dataset details', 'overview', 'introduction', 'motivation', 'purpose'],
    exact: ['description', 'about'],
    intro: true,
  },
  {
    id: 'structure',
    kind: 'dataset-card',
    heading: 'Dataset Structure',
    question: 'what a record looks like: its fields, their types, and the splits',
    phrases: [
      'structure',
      'data field',
      'data split',
      'data instance',
      'composition',
      'schema',
      'data format',
      'included file',
    ],
    exact: ['data'],
    frontMatter: has('dataset_info'),
  },
  {
    id: 'creation',
    kind: 'dataset-card',
    heading: 'Dataset Creation',
    question: 'where the data comes from and how it was collected and annotated',
    phrases: [
      'creation',
      'curation',
      'source data',
      'data source',
      'source coverage',
      'collection',
      'annotation',
      'provenance',
      'methodology',
    ],
  },
  {
    id: 'uses',
    kind: 'dataset-card',
    heading: 'Uses',
    question: 'what the dataset is for and what it should not be used for',
    phrases: [
      'intended use',
      'direct use',
      'out of scope',
      'use case',
      'supported task',
      'tasks supported',
      'tasks and leaderboards',
      'purpose',
      'misuse',
    ],
    exact: ['uses', 'use', 'applications'],
  },
  {
    id: 'limitations',
    kind: 'dataset-card',
    heading: 'Bias, Risks, and Limitations',
    question: 'what biases, gaps and known problems the data has',
    phrases: [...LIMITATION_PHRASES, 'considerations for using the data'],
  },
  {
    id: 'license',
    kind: 'dataset-card',
    heading: 'Licensing Information',
    question: 'under which license the data may be used',
    phrases: ['license', 'licence', 'licensing', 'terms of use'],
    frontMatter: has('license', 'licenses', 'license_name', 'license_link'),
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
