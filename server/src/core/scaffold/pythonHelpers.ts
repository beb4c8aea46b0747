/**
 * Python helpers that some flavours need and others do not: generated sample inputs, device
 * choice, and finding a model file. Fixed text; a flavour lists the ones it uses.
 */

export type HelperId = 'texts' | 'images' | 'audio' | 'torch-device' | 'cpu-device' | 'model-file';

const TEXTS = `SAMPLE_TEXTS = [
    'The quick brown fox jumps over the lazy dog.',
    'I really enjoyed this film: the acting was superb and the story kept me guessing.',
    'Where is the nearest train station, and when does the last train leave?',
    'Model cards describe what a model does, how it was trained and where it fails.',
]`;

const IMAGES = `def sample_images(count, size=224):
    """Random RGB images from a seeded numpy array, as PIL images."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    return [Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8)) for _ in range(count)]`;

const AUDIO = `def sample_waveforms(count, sampling_rate=16000, seconds=1.0):
    """Sine tones (220 Hz upwards) with a little seeded noise, as float32 arrays."""
    import numpy as np

    rng = np.random.default_rng(0)
    t = np.arange(int(sampling_rate * seconds)) / sampling_rate
    return [
        (0.5 * np.sin(2 * np.pi * (220 + 110 * index) * t) + 0.01 * rng.standard_normal(t.shape)).astype(np.float32)
        for index in range(count)
    ]`;

const TORCH_DEVICE = `def resolve_device(requested):
    """'auto' picks CUDA, then Apple's MPS, then the CPU."""
    if requested != 'auto':
        return requested
    try:
        import torch
    except ImportError:
        return 'cpu'
    if torch.cuda.is_available():
        return 'cuda'
    mps = getattr(torch.backends, 'mps', None)
    if mps is not None and mps.is_available():
        return 'mps'
    return 'cpu'


def module_device(net, fallback=None):
    """Where a torch model's weights are, which is where its inferences run."""
    device = getattr(net, 'device', None)
    if device is None:
        try:
            device = next(net.parameters()).device
        except (AttributeError, StopIteration, TypeError, RuntimeError):
            return None if fallback is None else str(fallback)
    return str(device)


def synchronize(device):
    """Waits for queued GPU work, so a timing covers the whole inference."""
    torch = sys.modules.get('torch')
    if torch is None:
        return
    if device.startswith('cuda'):
        torch.cuda.synchronize()
    elif device == 'mps' and hasattr(torch, 'mps'):
        torch.mps.synchronize()`;

const CPU_DEVICE = `def resolve_device(requested):
    """This library runs on the CPU: --device cuda or mps is noted and ignored."""
    if requested not in ('auto', 'cpu'):
        print('note: this model runs on the CPU; --device %s ignored' % requested, file=sys.stderr)
    return 'cpu'`;

const MODEL_FILE = `def snapshot_revision(path):
    """The commit of a file downloaded from the Hub (its cache path is .../snapshots/<commit>/...)."""
    parts = os.path.normpath(path).split(os.sep)
    if 'snapshots' in parts[:-1]:
        return parts[parts.index('snapshots') + 1]
    return None


def find_model_file(model, suffixes):
    """--model as a file; else MODEL_FILE or the first *suffixes file in that folder; else from the Hub."""
    if os.path.isfile(model):
        return model
    if os.path.isdir(model):
        if MODEL_FILE is not None and os.path.isfile(os.path.join(model, MODEL_FILE)):
            return os.path.join(model, MODEL_FILE)
        for name in sorted(os.listdir(model)):
            if name.lower().endswith(suffixes):
                return os.path.join(model, name)
        raise SystemExit('No %s file in %s' % (' or '.join(suffixes), model))
    if MODEL_FILE is None:
        raise SystemExit('Give --model a local file or folder: the card names no model file to download.')
    from huggingface_hub import hf_hub_download

    return hf_hub_download(model, MODEL_FILE, **hub_kwargs(model))`;

const HELPERS: Readonly<Record<HelperId, string>> = {
  texts: TEXTS,
  images: IMAGES,
  audio: AUDIO,
  'torch-device': TORCH_DEVICE,
  'cpu-device': CPU_DEVICE,
  'model-file': MODEL_FILE,
};

/** The helpers' text, in a fixed order whatever order they were asked for in. */
export function helperText(ids: readonly HelperId[]): string[] {
  return (Object.keys(HELPERS) as HelperId[]).filter((id) => ids.includes(id)).map((id) => HELPERS[id]);
}
