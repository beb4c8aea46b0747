/**
 * transformers: a `pipeline` for the tasks it has one for (the pipeline task name comes from our
 * table in tasks.ts), checked at run time against the installed version's task list so one script
 * works on 4.x and 5.x; else the Auto classes (transformersAuto.ts).
 */
import type { HelperId } from '../pythonHelpers';
import { pipelineTask, type PipelineCall, type PipelineTask } from '../tasks';
import type { FlavourCode, FlavourContext, ScriptConstant } from './flavourCode';
import { LOAD_AUTO_MODEL, plainAutoLoader, recipeLoader } from './transformersAuto';

const MAX_NEW_TOKENS: ScriptConstant = {
  name: 'MAX_NEW_TOKENS',
  value: 32,
  comment: 'Tokens generated per sample: latency grows with it, so keep it when comparing runs.',
};

/** The body of `sample_calls(pipe)`: the (args, kwargs) of each sample inference. */
const SAMPLE_CALLS: Readonly<Record<PipelineCall, string>> = {
  text: `return [((text,), {}) for text in SAMPLE_TEXTS]`,
  'generate-text': `return [((text,), {'max_new_tokens': MAX_NEW_TOKENS}) for text in SAMPLE_TEXTS]`,
  'fill-mask': `mask = MASK_TOKEN or pipe.tokenizer.mask_token
    templates = ['Paris is the %s of France.', 'The goal of life is %s.', 'I drink %s every morning.']
    return [((template % mask,), {}) for template in templates]`,
  'question-answering': `context = 'Cardwright checks model cards. It was written in 2024 by a small team in Lyon.'
    questions = ['What does Cardwright check?', 'When was it written?', 'Where is the team?']
    return [((), {'question': question, 'context': context}) for question in questions]`,
  'zero-shot-text': `labels = ['travel', 'cooking', 'technology', 'sports']
    return [((text,), {'candidate_labels': labels}) for text in SAMPLE_TEXTS]`,
  'table-question-answering': `table = {'Repository': ['Transformers', 'Datasets', 'Tokenizers'], 'Stars': ['36542', '4512', '3934']}
    queries = ['How many stars does Transformers have?', 'Which repository has the fewest stars?']
    return [((), {'table': table, 'query': query}) for query in queries]`,
  image: `return [((image,), {}) for image in sample_images(4)]`,
  'generate-from-image': `return [((image,), {'max_new_tokens': MAX_NEW_TOKENS}) for image in sample_images(4)]`,
  'zero-shot-image': `labels = ['a cat', 'a dog', 'a car', 'random noise']
    return [((image,), {'candidate_labels': labels}) for image in sample_images(4)]`,
  'image-question': `return [((), {'image': image, 'question': 'What is in this picture?'}) for image in sample_images(4)]`,
  'image-text-to-text': `prompt = 'Describe this image in one sentence.'
    return [((), {'images': image, 'text': prompt, 'max_new_tokens': MAX_NEW_TOKENS}) for image in sample_images(4)]`,
  // The bare waveform at the pipeline's own rate: a {'raw', 'sampling_rate'} dict is emptied by
  // the pipeline (it pops the keys), so the same sample fails the second time it is used.
  audio: `rate = getattr(getattr(pipe, 'feature_extractor', None), 'sampling_rate', None) or 16000
    return [((wave,), {}) for wave in sample_waveforms(4, rate)]`,
  'zero-shot-audio': `rate = getattr(getattr(pipe, 'feature_extractor', None), 'sampling_rate', None) or 16000
    labels = ['speech', 'music', 'a dog barking', 'silence']
    return [((wave,), {'candidate_labels': labels}) for wave in sample_waveforms(4, rate)]`,
};

function inputHelpers(call: PipelineCall): HelperId[] {
  if (call === 'audio' || call === 'zero-shot-audio') return ['audio'];
  if (['image', 'generate-from-image', 'zero-shot-image', 'image-question', 'image-text-to-text'].includes(call)) {
    return ['images'];
  }
  return ['texts'];
}

const PIPELINE_LOADER = (calls: string) => `def sample_calls(pipe):
    """The (args, kwargs) of each sample inference, cycled through by the benchmark."""
    ${calls}


def pipeline_available(task):
    """Whether this transformers has a pipeline for task (5.x removed summarization, translation,
    question-answering and others; their models still load with the Auto classes)."""
    try:
        from transformers.pipelines import get_supported_tasks
    except ImportError:
        return True
    return task in get_supported_tasks()


def load_runner(model, device):
    if not pipeline_available(PIPELINE_TASK):
        return load_auto_runner(model, device)
    from transformers import pipeline

    pipe = pipeline(PIPELINE_TASK, model=model, device=device, **hub_kwargs(model))
    calls = sample_calls(pipe)

    def run(index):
        args, kwargs = calls[index % len(calls)]
        output = pipe(*args, **kwargs)
        synchronize(device)
        return output

    revision = getattr(pipe.model.config, '_commit_hash', None)
    return Runner(run, revision=revision, device=module_device(pipe.model, getattr(pipe, 'device', None)))`;

function pipelineFlavour(context: FlavourContext, pipeline: PipelineTask): FlavourCode {
  const { task, call } = pipeline;
  const constants: ScriptConstant[] = [
    { name: 'PIPELINE_TASK', value: task, comment: 'The transformers pipeline that runs this task.' },
  ];
  if (call === 'generate-text' || call === 'generate-from-image' || call === 'image-text-to-text' || pipeline.auto) {
    constants.push(MAX_NEW_TOKENS);
  }
  if (call === 'fill-mask') {
    const mask = typeof context.metadata.mask_token === 'string' ? context.metadata.mask_token : null;
    constants.push({ name: 'MASK_TOKEN', value: mask, comment: "The card's mask_token; None: the tokenizer's." });
  }
  // Without the pipeline (a transformers that dropped it), the task's own Auto recipe, or a bare
  // forward pass for the tasks that still have one today.
  const fallback = pipeline.auto
    ? recipeLoader('load_auto_runner', pipeline.auto)
    : plainAutoLoader('load_auto_runner', context.modality);
  return {
    libraries: ['transformers', 'torch', 'peft'],
    constants,
    helpers: [...inputHelpers(call), ...fallback.helpers],
    loader: [PIPELINE_LOADER(SAMPLE_CALLS[call]), LOAD_AUTO_MODEL, fallback.code].join('\n\n\n'),
  };
}

function autoFlavour(context: FlavourContext): FlavourCode {
  const loader = plainAutoLoader('load_runner', context.modality);
  return {
    libraries: ['transformers', 'torch', 'peft'],
    constants: [],
    helpers: loader.helpers,
    loader: [LOAD_AUTO_MODEL, loader.code].join('\n\n\n'),
  };
}

export function transformersFlavour(context: FlavourContext): FlavourCode {
  const pipeline = pipelineTask(context.task);
  return pipeline ? pipelineFlavour(context, pipeline) : autoFlavour(context);
}
