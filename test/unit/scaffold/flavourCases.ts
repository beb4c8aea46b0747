/** Every flavour x several tasks, chosen by library_name: the cards the script tests generate from. */
import type { Flavour } from '../../../server/src/core/scaffold/flavour';

export interface Case {
  flavour: Flavour;
  metadata: Record<string, unknown>;
  files?: string[];
}

const TRANSFORMERS_TASKS = [
  'text-classification',
  'token-classification',
  'feature-extraction',
  'text-generation',
  'summarization',
  'translation',
  'fill-mask',
  'question-answering',
  'zero-shot-classification',
  'table-question-answering',
  'image-classification',
  'object-detection',
  'image-to-text',
  'zero-shot-image-classification',
  'visual-question-answering',
  'image-text-to-text',
  'automatic-speech-recognition',
  'audio-classification',
  'text-to-speech',
  'text-to-audio',
  'sentence-similarity',
  'text-ranking',
  'text2text-generation',
  'image-segmentation',
  'depth-estimation',
  'image-feature-extraction',
  'image-to-image',
  'mask-generation',
  'zero-shot-object-detection',
  'document-question-answering',
  'zero-shot-audio-classification',
  // No pipeline: an Auto class with text, image and audio inputs.
  'time-series-forecasting',
  'keypoint-detection',
  'audio-to-audio',
  undefined,
];

function withTask(library: string, tasks: readonly (string | undefined)[], flavour: Flavour, files?: string[]): Case[] {
  return tasks.map((task) => ({
    flavour,
    metadata: task === undefined ? { library_name: library } : { library_name: library, pipeline_tag: task },
    files,
  }));
}

/** Other ways of choosing a flavour are in flavour.test.ts. */
export const CASES: Case[] = [
  ...withTask('transformers', TRANSFORMERS_TASKS, 'transformers'),
  ...withTask('peft', ['text-generation'], 'transformers'),
  ...withTask(
    'diffusers',
    ['text-to-image', 'image-to-image', 'unconditional-image-generation', 'text-to-video', undefined],
    'diffusers',
  ),
  { flavour: 'diffusers', metadata: { library_name: 'diffusers', instance_prompt: 'a photo of sks dog' } },
  ...withTask(
    'sentence-transformers',
    ['sentence-similarity', 'feature-extraction', undefined],
    'sentence-transformers',
  ),
  ...withTask('timm', ['image-classification', 'image-feature-extraction', undefined], 'timm'),
  ...withTask(
    'sklearn',
    ['tabular-classification', 'tabular-regression', 'text-classification', undefined],
    'scikit-learn',
    ['model.joblib'],
  ),
  ...withTask('skops', ['tabular-classification'], 'scikit-learn', ['model.skops']),
  ...withTask(
    'onnx',
    ['text-classification', 'image-classification', 'automatic-speech-recognition', undefined],
    'onnxruntime',
    ['model.onnx'],
  ),
  ...withTask('pytorch', ['image-classification', 'audio-classification', undefined], 'pytorch', ['model.pt']),
  ...withTask('pytorch-lightning', ['text-classification'], 'pytorch', ['last.ckpt']),
  ...withTask('keras', ['image-classification', undefined], 'keras', ['model.keras']),
  ...withTask('tf-keras', ['text-classification'], 'keras'),
  ...withTask('nemo', ['automatic-speech-recognition', undefined], 'generic'),
  ...withTask('stable-baselines3', ['reinforcement-learning'], 'generic'),
];
