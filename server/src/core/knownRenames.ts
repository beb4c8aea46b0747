/**
 * Values the Hub's taxonomy renamed or retired, with what replaced them: a mapping, because edit
 * distance guesses wrong here (`conditional-text-generation` is not a typo of
 * `unconditional-image-generation`, nor the task id `summarization` one of `lemmatization`).
 * Keyed by the metadata key the value sits under; sources: the retired `datasets` tagging app's
 * task list (huggingface/datasets, src/datasets/utils/resources/tasks.json before 2022) and the
 * current task taxonomy (huggingface.js packages/tasks/src/pipelines.ts).
 */

export interface Rename {
  /** The current values, best first. */
  use: readonly string[];
  /** Where they go, when it is another key (a sub-task that became a task category). */
  key?: string;
}

const TASK_CATEGORIES: Readonly<Record<string, Rename>> = {
  'conditional-text-generation': { use: ['text-generation', 'summarization', 'translation'] },
  'sequence-modeling': { use: ['text-generation', 'fill-mask'] },
  'structure-prediction': { use: ['token-classification'] },
  'text-scoring': { use: ['text-classification'] },
  'speech-processing': { use: ['automatic-speech-recognition', 'audio-classification'] },
  'machine-translation': { use: ['translation'] },
  conversational: { use: ['text-generation'] },
  'text2text-generation': { use: ['text-generation'] },
  'code-generation': { use: ['text-generation'] },
};

const TASK_IDS: Readonly<Record<string, Rename>> = {
  summarization: { use: ['summarization'], key: 'task_categories' },
  'machine-translation': { use: ['translation'], key: 'task_categories' },
  'text-classification': { use: ['text-classification'], key: 'task_categories' },
  'question-answering': { use: ['question-answering'], key: 'task_categories' },
};

const RENAMES: Readonly<Record<string, Readonly<Record<string, Rename>>>> = {
  task_categories: TASK_CATEGORIES,
  task_ids: TASK_IDS,
};

/** The replacement of a retired value under `key` (the top-level metadata key), if it is one. */
export function knownRename(key: string | number | undefined, value: unknown): Rename | undefined {
  if (typeof key !== 'string' || typeof value !== 'string') return undefined;
  const table = RENAMES[key];
  return table && Object.hasOwn(table, value) ? table[value] : undefined;
}

/** The message tail for a rename: `Use "x" (renamed).` or `It is a task category now: ...`. */
export function renamePhrase(rename: Rename): string {
  const values = rename.use.map((value) => `"${value}"`).join(' or ');
  return rename.key
    ? ` It is a value of "${rename.key}" now: move it there as ${values}.`
    : ` It was retired from the Hub's task list: use ${values}.`;
}
