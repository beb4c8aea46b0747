"""Stand-in for timm: create_model() and the data-config helpers."""
import torch

from . import data

__version__ = '0.0+stub'


def create_model(name, pretrained=False):
    if not (name.startswith(('hf-hub:', 'local-dir:')) or '/' not in name):
        raise ValueError('not a timm model name: %s' % name)
    return torch.nn.Flatten()
