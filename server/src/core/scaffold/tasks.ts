/**
 * What a card's `pipeline_tag` means for an example script: the kind of sample input to generate,
 * and which `transformers.pipeline` task (if any) runs it. The pipeline task names come from this
 * table, never from the card, so a script only ever asks `pipeline()` for a task it supports.
 */

/** The sample input a script generates. */
export type Modality = 'text' | 'image' | 'audio' | 'tabular' | 'none';

const IMAGE_TASKS = [
  'image-classification',
  'object-detection',
  'image-segmentation',
  'depth-estimation',
  'image-to-text',
  'image-to-image',
  'image-to-video',
  'image-to-3d',
  'image-feature-extraction',
  'image-text-to-text',
  'image-text-to-image',
  'image-text-to-video',
  'mask-generation',
  'keypoint-detection',
  'visual-question-answering',
  'document-question-answering',
  'zero-shot-image-classification',
  'zero-shot-object-detection',
  'visual-document-retrieval',
];

const AUDIO_TASKS = [
  'automatic-speech-recognition',
  'audio-classification',
  'audio-to-audio',
  'audio-text-to-text',
  'voice-activity-detection',
  'zero-shot-audio-classification',
];

const TABULAR_TASKS = ['tabular-classification', 'tabular-regression', 'tabular-to-text', 'time-series-forecasting'];

/** Tasks that generate new media from nothing but a seed: no sample input at all. */
const UNCONDITIONAL_TASKS = ['unconditional-image-generation'];

export function taskModality(task: string | undefined): Modality {
  if (task === undefined) return 'text';
  if (IMAGE_TASKS.includes(task)) return 'image';
  if (AUDIO_TASKS.includes(task)) return 'audio';
  if (TABULAR_TASKS.includes(task)) return 'tabular';
  if (UNCONDITIONAL_TASKS.includes(task)) return 'none';
  return 'text';
}

/**
 * How a `transformers` pipeline is called: the argument shape of one inference. The generator
 * writes one fixed Python call per shape.
 */
export type PipelineCall =
  | 'text'
  | 'generate-text'
  | 'fill-mask'
  | 'question-answering'
  | 'zero-shot-text'
  | 'table-question-answering'
  | 'image'
  | 'generate-from-image'
  | 'zero-shot-image'
  | 'image-question'
  | 'image-text-to-text'
  | 'audio'
  | 'zero-shot-audio';

/**
 * How a script runs a task with the Auto classes when the installed transformers has no pipeline
 * for it (5.x removed summarization, translation, text2text-generation, question-answering,
 * visual-question-answering, image-to-text and image-to-image). Tasks without one fall back to a
 * plain AutoModel forward pass on inputs of their kind.
 */
export type AutoRecipe =
  'seq2seq' | 'question-answering' | 'image-captioning' | 'visual-question-answering' | 'image-to-image';

export interface PipelineTask {
  /** The task name `transformers.pipeline()` is given. */
  task: string;
  call: PipelineCall;
  /** The Auto-class route when that pipeline is missing. */
  auto?: AutoRecipe;
}

/** Hub task (`pipeline_tag`) -> the pipeline that runs it. Tasks not listed get an Auto class. */
const PIPELINE_TASKS: Readonly<Record<string, PipelineTask>> = {
  'text-classification': { task: 'text-classification', call: 'text' },
  'token-classification': { task: 'token-classification', call: 'text' },
  'feature-extraction': { task: 'feature-extraction', call: 'text' },
  'sentence-similarity': { task: 'feature-extraction', call: 'text' },
  'text-ranking': { task: 'text-classification', call: 'text' },
  'text-to-speech': { task: 'text-to-audio', call: 'text' },
  'text-to-audio': { task: 'text-to-audio', call: 'text' },
  'text-generation': { task: 'text-generation', call: 'generate-text' },
  'text2text-generation': { task: 'text2text-generation', call: 'generate-text', auto: 'seq2seq' },
  summarization: { task: 'summarization', call: 'generate-text', auto: 'seq2seq' },
  translation: { task: 'translation', call: 'generate-text', auto: 'seq2seq' },
  'fill-mask': { task: 'fill-mask', call: 'fill-mask' },
  'question-answering': { task: 'question-answering', call: 'question-answering', auto: 'question-answering' },
  'zero-shot-classification': { task: 'zero-shot-classification', call: 'zero-shot-text' },
  'table-question-answering': { task: 'table-question-answering', call: 'table-question-answering' },
  'image-classification': { task: 'image-classification', call: 'image' },
  'object-detection': { task: 'object-detection', call: 'image' },
  'image-segmentation': { task: 'image-segmentation', call: 'image' },
  'depth-estimation': { task: 'depth-estimation', call: 'image' },
  'image-feature-extraction': { task: 'image-feature-extraction', call: 'image' },
  'image-to-image': { task: 'image-to-image', call: 'image', auto: 'image-to-image' },
  'mask-generation': { task: 'mask-generation', call: 'image' },
  'image-to-text': { task: 'image-to-text', call: 'generate-from-image', auto: 'image-captioning' },
  'zero-shot-image-classification': { task: 'zero-shot-image-classification', call: 'zero-shot-image' },
  'zero-shot-object-detection': { task: 'zero-shot-object-detection', call: 'zero-shot-image' },
  'visual-question-answering': {
    task: 'visual-question-answering',
    call: 'image-question',
    auto: 'visual-question-answering',
  },
  'document-question-answering': { task: 'document-question-answering', call: 'image-question' },
  'image-text-to-text': { task: 'image-text-to-text', call: 'image-text-to-text' },
  'automatic-speech-recognition': { task: 'automatic-speech-recognition', call: 'audio' },
  'audio-classification': { task: 'audio-classification', call: 'audio' },
  'zero-shot-audio-classification': { task: 'zero-shot-audio-classification', call: 'zero-shot-audio' },
};

/** The pipeline for a Hub task, or undefined when `transformers` has none for it. */
export function pipelineTask(task: string | undefined): PipelineTask | undefined {
  return task === undefined ? undefined : PIPELINE_TASKS[task];
}

/** Tasks a diffusers pipeline runs (text-to-image and friends), for telling its flavour by task. */
export const DIFFUSION_TASKS: readonly string[] = [
  'text-to-image',
  'image-to-image',
  'unconditional-image-generation',
  'text-to-video',
  'image-to-video',
  'image-text-to-image',
];
