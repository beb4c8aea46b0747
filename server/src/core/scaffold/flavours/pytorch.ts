/**
 * Plain PyTorch: a TorchScript file, or a whole module saved with `torch.save(model)`. The input
 * is shaped from the model's first layer (Linear, Conv, Embedding) unless INPUT_SHAPE says.
 * A state dict alone cannot run without the model's code: the script says so and stops.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

/** A fallback shape when the first layer says nothing, by the card's task. */
function taskShape(context: FlavourContext): number[] | null {
  if (context.modality === 'image') return [1, 3, 224, 224];
  if (context.modality === 'audio') return [1, 16000];
  return null;
}

export function pytorchFlavour(context: FlavourContext): FlavourCode {
  return {
    libraries: ['torch', 'lightning', 'pytorch_lightning'],
    constants: [
      {
        name: 'MODEL_FILE',
        value: context.modelFile ?? null,
        comment: 'The saved model, in the --model folder or Hub repo.',
      },
      {
        name: 'INPUT_SHAPE',
        value: null,
        comment: 'e.g. [1, 3, 224, 224]; None: shaped from the first layer of the model.',
      },
      { name: 'TASK_SHAPE', value: taskShape(context), comment: 'Used when the first layer gives no shape.' },
    ],
    helpers: ['torch-device', 'model-file'],
    loader: `def load_module(torch, path, device):
    """A TorchScript file, else a whole pickled module (torch.save(model))."""
    try:
        return torch.jit.load(path, map_location=device).eval()
    except (RuntimeError, ValueError):
        pass
    # torch.load unpickles, which runs code from the file: load only files you trust.
    loaded = torch.load(path, map_location=device, weights_only=False)
    if isinstance(loaded, dict):
        raise SystemExit(
            '%s holds weights only (a state dict): build the model in load_runner() and call '
            'load_state_dict() on it, or save it with torch.jit.save / torch.save(model).' % path
        )
    return loaded.to(device).eval()


def sample_inputs(torch, net, device, count):
    """Seeded inputs shaped for the first layer: (1, in) for Linear, (1, C, ...) for Conv, ids for Embedding."""
    generator = torch.Generator().manual_seed(0)
    shape = INPUT_SHAPE
    for module in net.modules():
        if shape is not None:
            break
        kind = getattr(module, 'original_name', type(module).__name__)
        weight = getattr(module, 'weight', None)
        if weight is None:
            continue
        if kind == 'Embedding':
            ids = [torch.randint(0, weight.shape[0], (1, 16), generator=generator) for _ in range(count)]
            return [tensor.to(device) for tensor in ids]
        channels = weight.shape[1] * getattr(module, 'groups', 1) if weight.dim() > 1 else None
        shape = {
            'Linear': [1, weight.shape[-1]],
            'Conv1d': [1, channels, 16000],
            'Conv2d': [1, channels, 224, 224],
            'Conv3d': [1, channels, 16, 112, 112],
        }.get(kind)
    shape = shape or TASK_SHAPE
    if shape is None:
        raise SystemExit('Cannot tell the input shape from the model: set INPUT_SHAPE at the top of this script.')
    dtype = next((p.dtype for p in net.parameters() if p.is_floating_point()), torch.float32)
    return [torch.randn(*shape, generator=generator).to(device=device, dtype=dtype) for _ in range(count)]


def load_runner(model, device):
    import torch

    path = find_model_file(model, ('.pt', '.pth', '.ptl', '.ckpt', '.bin'))
    net = load_module(torch, path, device)
    inputs = sample_inputs(torch, net, device, 4)

    def run(index):
        with torch.inference_mode():
            output = net(inputs[index % len(inputs)])
        synchronize(device)
        return output

    return Runner(run, revision=snapshot_revision(path), note=os.path.basename(path), device=module_device(net))`,
  };
}
