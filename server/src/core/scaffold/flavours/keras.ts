/**
 * Keras / TensorFlow: a `.keras` or `.h5` file, or a Hub repo pushed with `push_to_hub_keras`;
 * the input is shaped from the model's `input_shape`. TensorFlow places work itself, so --device
 * cpu hides the GPUs and anything else lets it choose.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

export function kerasFlavour(context: FlavourContext): FlavourCode {
  return {
    libraries: ['keras', 'tensorflow', 'numpy'],
    constants: [
      {
        name: 'MODEL_FILE',
        value: context.modelFile ?? null,
        comment: 'The saved model, in the --model folder or Hub repo.',
      },
    ],
    helpers: ['model-file'],
    loader: `def resolve_device(requested):
    """TensorFlow picks its device; --device cpu hides the GPUs before it is imported."""
    if requested == 'cpu':
        os.environ['CUDA_VISIBLE_DEVICES'] = '-1'
        return 'cpu'
    return 'auto (TensorFlow decides)' if requested == 'auto' else requested


def tensorflow_device():
    """'cuda' when TensorFlow sees a GPU (it then places the model there), else 'cpu'."""
    tensorflow = sys.modules.get('tensorflow')
    if tensorflow is None:
        return None
    try:
        return 'cuda' if tensorflow.config.list_logical_devices('GPU') else 'cpu'
    except Exception:  # noqa: BLE001 (a report detail is not worth failing the run for)
        return None


def load_runner(model, device):
    import numpy as np

    if MODEL_FILE is None and not os.path.exists(model):
        from huggingface_hub import from_pretrained_keras

        net = from_pretrained_keras(model, **hub_kwargs(model))
        path = model
    else:
        import keras

        path = find_model_file(model, ('.keras', '.h5'))
        net = keras.models.load_model(path)
    shape = net.input_shape[0] if isinstance(net.input_shape, list) else net.input_shape
    rng = np.random.default_rng(0)
    inputs = [rng.standard_normal([1] + [dim or 16 for dim in shape[1:]]).astype('float32') for _ in range(4)]

    def run(index):
        return net(inputs[index % len(inputs)], training=False)

    return Runner(run, note=os.path.basename(path), device=tensorflow_device())`,
  };
}
