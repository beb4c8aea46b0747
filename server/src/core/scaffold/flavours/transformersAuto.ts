/**
 * transformers without a pipeline: the Auto classes, either because the task never had a
 * pipeline (a plain AutoModel forward pass on inputs of the task's kind) or because the installed
 * transformers dropped it (5.x: summarization, translation, question-answering, ...), where each
 * recipe does what the pipeline did: generate() for the generating tasks, a forward pass else.
 */
import type { HelperId } from '../pythonHelpers';
import type { AutoRecipe, Modality } from '../tasks';

/** The Python text of a loader function and the helpers it uses. */
export interface AutoLoader {
  helpers: HelperId[];
  code: string;
}

/** Loads through the first Auto class the installed version has and that takes the model. */
export const LOAD_AUTO_MODEL = `def load_auto_model(model, class_names, device):
    """The model through the first of class_names this transformers has and that takes it
    (class names change between versions: AutoModelForVision2Seq became AutoModelForImageTextToText)."""
    import transformers

    problems = []
    for name in class_names:
        auto = getattr(transformers, name, None)
        if auto is None:
            continue
        try:
            return auto.from_pretrained(model, **hub_kwargs(model)).to(device).eval(), name
        except ValueError as error:
            problems.append('%s: %s' % (name, error))
    raise SystemExit('No %s of this transformers loads %s. %s' % (' or '.join(class_names), model, ' '.join(problems)))


def auto_runner(run, net, how):
    """The Runner of an Auto-class route, saying which class and call it timed."""
    revision = getattr(net.config, '_commit_hash', None)
    return Runner(run, revision=revision, note=how, device=module_device(net))`;

interface Recipe {
  helper: HelperId;
  /** Python lines (4-space indented) that set `processor`, `net`, `loaded_with` and `batches`. */
  setup: string;
  /** The call timed per sample, on `batch`. */
  call: string;
  how: string;
}

const GENERATE = `net.generate(**batch, max_new_tokens=MAX_NEW_TOKENS)`;

const RECIPES: Readonly<Record<AutoRecipe, Recipe>> = {
  seq2seq: {
    helper: 'texts',
    setup: `from transformers import AutoTokenizer

    processor = AutoTokenizer.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModelForSeq2SeqLM'], device)
    batches = [processor(text, return_tensors='pt').to(device) for text in SAMPLE_TEXTS]`,
    call: GENERATE,
    how: `loaded_with + '.generate()'`,
  },
  'question-answering': {
    helper: 'texts',
    setup: `from transformers import AutoTokenizer

    processor = AutoTokenizer.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModelForQuestionAnswering'], device)
    context = 'Cardwright checks model cards. It was written in 2024 by a small team in Lyon.'
    questions = ['What does Cardwright check?', 'When was it written?', 'Where is the team?']
    batches = [processor(question, context, return_tensors='pt').to(device) for question in questions]`,
    call: `net(**batch)`,
    how: `loaded_with + ' forward pass'`,
  },
  'image-captioning': {
    helper: 'images',
    setup: `from transformers import AutoImageProcessor

    processor = AutoImageProcessor.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModelForImageTextToText', 'AutoModelForVision2Seq'], device)
    batches = [processor(images=image, return_tensors='pt').to(device) for image in sample_images(4)]`,
    call: GENERATE,
    how: `loaded_with + '.generate()'`,
  },
  'visual-question-answering': {
    helper: 'images',
    setup: `from transformers import AutoProcessor

    processor = AutoProcessor.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModelForVisualQuestionAnswering'], device)
    question = 'What is in this picture?'
    batches = [processor(images=image, text=question, return_tensors='pt').to(device) for image in sample_images(4)]
    # Generative VQA models (BLIP) answer with generate(); classifiers (ViLT) with a forward pass.
    generative = bool(getattr(net, 'can_generate', lambda: False)())`,
    call: `${GENERATE} if generative else net(**batch)`,
    how: `loaded_with + ('.generate()' if generative else ' forward pass')`,
  },
  'image-to-image': {
    helper: 'images',
    setup: `from transformers import AutoImageProcessor

    processor = AutoImageProcessor.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModelForImageToImage'], device)
    batches = [processor(images=image, return_tensors='pt').to(device) for image in sample_images(4)]`,
    call: `net(**batch)`,
    how: `loaded_with + ' forward pass'`,
  },
};

/** `def <name>(model, device)` for a task whose pipeline this transformers may not have. */
export function recipeLoader(name: string, recipe: AutoRecipe): AutoLoader {
  const { helper, setup, call, how } = RECIPES[recipe];
  return {
    helpers: [helper, 'torch-device'],
    code: `def ${name}(model, device):
    # This transformers has no pipeline for the task (5.x removed it): the Auto classes instead.
    import torch

    ${setup}

    def run(index):
        batch = batches[index % len(batches)]
        with torch.inference_mode():
            output = ${call}
        synchronize(device)
        return output

    return auto_runner(run, net, ${how})`,
  };
}

/** Auto-class loading per kind of input: the processor class and how it turns a sample into tensors. */
const PLAIN_INPUTS = {
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

/** `def <name>(model, device)`: AutoModel and a bare forward pass, for a task with no pipeline at all. */
export function plainAutoLoader(name: string, modality: Modality): AutoLoader {
  const inputs = PLAIN_INPUTS[modality === 'image' || modality === 'audio' ? modality : 'text'];
  return {
    helpers: [inputs.helper, 'torch-device'],
    code: `def ${name}(model, device):
    # transformers has no pipeline for this task: load the bare model and time its forward pass.
    import torch
    from transformers import ${inputs.processor}

    processor = ${inputs.processor}.from_pretrained(model, **hub_kwargs(model))
    net, loaded_with = load_auto_model(model, ['AutoModel'], device)
    ${inputs.batches}

    def run(index):
        with torch.inference_mode():
            output = net(**batches[index % len(batches)])
        synchronize(device)
        return output

    return auto_runner(run, net, 'AutoModel forward pass')`,
  };
}
