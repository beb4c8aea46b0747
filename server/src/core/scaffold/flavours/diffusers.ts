/**
 * diffusers: a DiffusionPipeline, one generated image (or video) per sample. The prompt is the
 * card's `instance_prompt` (DreamBooth cards) when it has one, as a literal.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

/** The pipeline call per task: which arguments one sample needs. */
function callFor(task: string | undefined): string {
  if (task === 'unconditional-image-generation') return `pipe(num_inference_steps=INFERENCE_STEPS)`;
  if (task === 'image-to-image' || task === 'image-to-video' || task === 'image-text-to-image') {
    return `pipe(prompt=prompts[index % len(prompts)], image=images[index % len(images)], num_inference_steps=INFERENCE_STEPS)`;
  }
  return `pipe(prompts[index % len(prompts)], num_inference_steps=INFERENCE_STEPS)`;
}

function needsImage(task: string | undefined): boolean {
  return task === 'image-to-image' || task === 'image-to-video' || task === 'image-text-to-image';
}

export function diffusersFlavour(context: FlavourContext): FlavourCode {
  const prompt = context.metadata.instance_prompt;
  return {
    libraries: ['diffusers', 'torch', 'transformers'],
    constants: [
      {
        name: 'PROMPT',
        value: typeof prompt === 'string' && prompt.trim() !== '' ? prompt : null,
        comment: "The card's instance_prompt; None: a few stock prompts.",
      },
      {
        name: 'INFERENCE_STEPS',
        value: 20,
        comment: 'Denoising steps per image: latency is about proportional to it, so state it with the figures.',
      },
    ],
    helpers: needsImage(context.task) ? ['images', 'torch-device'] : ['torch-device'],
    loader: `def load_runner(model, device):
    import torch
    from diffusers import DiffusionPipeline

    # Half precision on CUDA, as these pipelines are usually run; the CPU needs float32.
    dtype = torch.float16 if device.startswith('cuda') else torch.float32
    pipe = DiffusionPipeline.from_pretrained(model, torch_dtype=dtype, **hub_kwargs(model)).to(device)
    pipe.set_progress_bar_config(disable=True)
    prompts = [PROMPT] if PROMPT else ['a lighthouse on a cliff at sunset', 'a bowl of ramen, studio photo']
    images = ${needsImage(context.task) ? 'sample_images(2, size=512)' : '[]'}

    def run(index):
        output = ${callFor(context.task)}
        synchronize(device)
        return output

    return Runner(run, note='%d steps per image' % INFERENCE_STEPS, device=module_device(pipe))`,
  };
}
