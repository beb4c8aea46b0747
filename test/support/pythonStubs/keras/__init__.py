"""Stand-in for keras: load_model() of a model taking rows of 4 features."""
__version__ = '0.0+stub'


class _Model:
    input_shape = (None, 4)

    def __call__(self, inputs, training=False):
        if inputs.shape != (1, 4):
            raise ValueError('expected (1, 4), got %s' % (inputs.shape,))
        return inputs.sum()


class models:
    @staticmethod
    def load_model(path):
        return _Model()
