"""Stand-in for onnxruntime: a session declaring text-model inputs with dynamic sizes."""
__version__ = '0.0+stub'


class _Input:
    def __init__(self, name, shape, type_name):
        self.name = name
        self.shape = shape
        self.type = type_name


def get_available_providers():
    return ['CPUExecutionProvider']


class InferenceSession:
    def __init__(self, path, providers=None):
        self.providers = providers

    def get_inputs(self):
        return [
            _Input('input_ids', ['batch', 'sequence'], 'tensor(int64)'),
            _Input('attention_mask', ['batch', 'sequence'], 'tensor(int64)'),
            _Input('pixel_values', [None, 3, 'height', 'width'], 'tensor(float)'),
        ]

    def get_providers(self):
        return self.providers

    def run(self, output_names, feed):
        return [value.shape for value in feed.values()]
