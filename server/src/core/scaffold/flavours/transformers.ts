/**
 * transformers: a `pipeline` for the tasks it has one for (the pipeline task name comes from our
 * table in tasks.ts), else an Auto class and a plain forward pass on inputs of the task's kind.
 */
import type { HelperId } from '../pythonHelpers';
import { pipelineTask, type PipelineCall } from '../tasks';
import type { FlavourCode, FlavourContext, ScriptConstant } from './flavourCode';

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
  audio: `rate = getattr(getattr(pipe, 'feature_extractor', None), 'sampling_rate', None) or 16000
    return [(({'raw': wave, 'sampling_rate': rate},), {}) for wave in sample_waveforms(4, rate)]`,
  'zero-shot-audio': `rate = getattr(getattr(pipe, 'feature_extractor', None), 'sampling_rate', None) or 16000
    labels = ['speech', 'music', 'a dog barking', 'silence']
    return [(({'raw': wave, 'sampling_rate': rate},), {'candidate_labels': labels}) for wave in sample_waveforms(4, rate)]`,
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


def load_runner(model, device):
    from transformers import pipeline

    pipe = pipeline(PIPELINE_TASK, model=model, device=device, **hub_kwargs(model))
    calls = sample_calls(pipe)

    def run(index):
        args, kwargs = calls[index % len(calls)]
        output = pipe(*args, **kwargs)
        synchronize(device)
        return output

    return Runner(run, revision=getattr(pipe.model.config, '_commit_hash', None))`;

function pipelineFlavour(context: FlavourContext, task: string, call: PipelineCall): FlavourCode {
  const constants: ScriptConstant[] = [
    { name: 'PIPELINE_TASK', value: task, comment: 'The transformers pipeline that runs this task.' },
  ];
  if (call === 'generate-text' || call === 'generate-from-image' || call === 'image-text-to-text') {
    constants.push(MAX_NEW_TOKENS);
  }
  if (call === 'fill-mask') {
    const mask = typeof context.metadata.mask_token === 'string' ? context.metadata.mask_token : null;
    constants.push({ name: 'MASK_TOKEN', value: mask, comment: "The card's mask_token; None: the tokenizer's." });
  }
  return {
    libraries: ['transformers', 'torch', 'peft'],
    constants,
    helpers: [...inputHelpers(call), 'torch-device'],
    loader: PIPELINE_LOADER(SAMPLE_CALLS[call]),
  };
}

/** Auto-class loading per kind of input: the processor class and how it turns a sample into tensors. */
const AUTO_INPUTS = {
  text: {
    processor: 'AutoTokenizer',
    batches: `batches = [processor(text, return_tensors='pt').to(device) for text in SAMPLE_TEXTS]
    if getattr(net.config, 'is_encoder_decoder', False):
        # An encoder-decoder's forward pass needs a decoder input too: its start token.
        start = net.config.decoder_start_token_id or 0
        for batch in batches:
            batch['decoder_input_ids'] = torch.full((1, 1), start, dtype=torch.long, device=device)`,
    helper: 'texts' as HelperId,
  },
  image: {
    processor: 'AutoImageProcessor',
    batches: `batches = [processor(images=image, return_tensors='pt').to(device) for image in sample_images(4)]`,
    helper: 'images' as HelperId,
  },
  audio: {
    processor: 'AutoFeatureExtractor',
    batches: `rate = getattr(processor, 'sampling_rate', None) or 16000
    batches = [
        processor(wave, sampling_rate=rate, return_tensors='pt').to(device) for wave in sample_waveforms(4, rate)
    ]`,
    helper: 'audio' as HelperId,
  },
};

function autoFlavour(context: FlavourContext): FlavourCode {
  const inputs = AUTO_INPUTS[context.modality === 'image' || context.modality === 'audio' ? context.modality : 'text'];
  return {
    libraries: ['transformers', 'torch', 'peft'],
    constants: [],
    helpers: [inputs.helper, 'torch-device'],
    loader: `def load_runner(model, device):
    # transformers has no pipeline for this task: load the bare model and time its forward pass.
    import torch
    from transformers import AutoModel, ${inputs.processor}

    processor = ${inputs.processor}.from_pretrained(model, **hub_kwargs(model))
    net = AutoModel.from_pretrained(model, **hub_kwargs(model)).to(device).eval()
    ${inputs.batches}

    def run(index):
        with torch.inference_mode():
            output = net(**batches[index % len(batches)])
        synchronize(device)
        return output

    return Runner(run, revision=getattr(net.config, '_commit_hash', None), note='AutoModel forward pass')`,
  };
}

export function transformersFlavour(context: FlavourContext): FlavourCode {
  const pipeline = pipelineTask(context.task);
  return pipeline ? pipelineFlavour(context, pipeline.task, pipeline.call) : autoFlavour(context);
}
