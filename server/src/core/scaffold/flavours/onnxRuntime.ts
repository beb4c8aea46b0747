/**
 * ONNX Runtime: an `.onnx` file, inputs shaped and typed from the session's own input
 * declarations. A dynamic size becomes 1 for the batch, 224 for the sides of a 4-D (image)
 * input, a second of audio for an audio model's waveform, and 16 (a sequence) elsewhere.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

export function onnxRuntimeFlavour(context: FlavourContext): FlavourCode {
  return {
    libraries: ['onnxruntime', 'numpy'],
    constants: [
      {
        name: 'MODEL_FILE',
        value: context.modelFile ?? null,
        comment: 'The .onnx file, in the --model folder or Hub repo.',
      },
      {
        name: 'AUDIO_SAMPLES',
        value: context.modality === 'audio' ? 16000 : null,
        comment: 'Length of a dynamic waveform dimension (one second at 16 kHz) for an audio model.',
      },
    ],
    helpers: ['model-file'],
    loader: `ONNX_TYPES = {
    'tensor(float)': 'float32',
    'tensor(float16)': 'float16',
    'tensor(double)': 'float64',
    'tensor(int64)': 'int64',
    'tensor(int32)': 'int32',
    'tensor(int8)': 'int8',
    'tensor(uint8)': 'uint8',
    'tensor(bool)': 'bool',
}

PROVIDERS = {'cuda': 'CUDAExecutionProvider', 'mps': 'CoreMLExecutionProvider', 'cpu': 'CPUExecutionProvider'}


def resolve_device(requested):
    """'auto' picks CUDA when this onnxruntime build has it, else the CPU."""
    if requested != 'auto':
        return requested
    try:
        import onnxruntime
    except ImportError:
        return 'cpu'
    return 'cuda' if PROVIDERS['cuda'] in onnxruntime.get_available_providers() else 'cpu'


def dynamic_size(position, rank, dtype):
    """The size given to a dimension the model leaves open (see the comment at the top)."""
    if position == 0:
        return 1
    if rank >= 4 and position >= rank - 2:
        return 224
    if AUDIO_SAMPLES is not None and position == rank - 1 and dtype.startswith('float'):
        return AUDIO_SAMPLES
    return 16


def sample_feed(session, seed):
    """Seeded random inputs with the names, shapes and types the model declares."""
    import numpy as np

    rng = np.random.default_rng(seed)
    feed = {}
    for spec in session.get_inputs():
        dtype = ONNX_TYPES.get(spec.type, 'float32')
        rank = len(spec.shape)
        shape = [
            dim if isinstance(dim, int) and dim > 0 else dynamic_size(position, rank, dtype)
            for position, dim in enumerate(spec.shape)
        ]
        name = spec.name.lower()
        if 'mask' in name or dtype == 'bool':
            feed[spec.name] = np.ones(shape, dtype=dtype)
        elif 'token_type' in name or 'position' in name:
            feed[spec.name] = np.zeros(shape, dtype=dtype)
        elif 'int' in dtype:
            feed[spec.name] = rng.integers(0, 100, size=shape).astype(dtype)
        else:
            feed[spec.name] = rng.standard_normal(shape).astype(dtype)
    return feed


def load_runner(model, device):
    import onnxruntime

    path = find_model_file(model, ('.onnx',))
    available = onnxruntime.get_available_providers()
    providers = [name for name in (PROVIDERS.get(device), PROVIDERS['cpu']) if name in available]
    session = onnxruntime.InferenceSession(path, providers=providers)
    feeds = [sample_feed(session, seed) for seed in range(4)]

    def run(index):
        return session.run(None, feeds[index % len(feeds)])

    used = session.get_providers()
    # The first provider runs the model (the rest take only what it cannot): that is its device.
    device_of = {provider: name for name, provider in PROVIDERS.items()}
    note = 'providers: ' + ', '.join(used)
    return Runner(run, revision=snapshot_revision(path), note=note, device=device_of.get(used[0], used[0]) if used else 'cpu')`,
  };
}
