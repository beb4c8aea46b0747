/**
 * ONNX Runtime: an `.onnx` file, inputs shaped and typed from the session's own input
 * declarations (dynamic sizes become 1 for the batch and a task-sized length elsewhere).
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

/** The size a dynamic dimension (after the batch) gets: a sequence, an image side, audio samples. */
function dynamicSize(context: FlavourContext): number {
  if (context.modality === 'image') return 224;
  if (context.modality === 'audio') return 16000;
  return 16;
}

export function onnxRuntimeFlavour(context: FlavourContext): FlavourCode {
  return {
    libraries: ['onnxruntime', 'numpy'],
    constants: [
      {
        name: 'MODEL_FILE',
        value: context.modelFile ?? null,
        comment: 'The .onnx file, in the --model folder or Hub repo.',
      },
      { name: 'DYNAMIC_SIZE', value: dynamicSize(context), comment: 'Length given to dynamic input dimensions.' },
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


def sample_feed(session, seed):
    """Seeded random inputs with the names, shapes and types the model declares."""
    import numpy as np

    rng = np.random.default_rng(seed)
    feed = {}
    for spec in session.get_inputs():
        shape = [
            dim if isinstance(dim, int) and dim > 0 else (1 if position == 0 else DYNAMIC_SIZE)
            for position, dim in enumerate(spec.shape)
        ]
        dtype = ONNX_TYPES.get(spec.type, 'float32')
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

    note = 'providers: ' + ', '.join(session.get_providers())
    return Runner(run, revision=snapshot_revision(path), note=note)`,
  };
}
