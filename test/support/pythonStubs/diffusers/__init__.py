"""Stand-in for diffusers: DiffusionPipeline with the real call shape."""
__version__ = '0.0+stub'


class _Output:
    def __init__(self):
        self.images = ['<image>']


class DiffusionPipeline:
    @classmethod
    def from_pretrained(cls, model, torch_dtype=None, **kwargs):
        return cls()

    def to(self, device):
        return self

    def set_progress_bar_config(self, **kwargs):
        pass

    def __call__(self, prompt=None, image=None, num_inference_steps=50, **kwargs):
        if image is not None and not hasattr(image, 'size'):
            raise TypeError('image must be a PIL image')
        return _Output()
