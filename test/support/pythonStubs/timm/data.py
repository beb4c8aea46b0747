"""Stand-in for timm.data."""
import torch


def resolve_model_data_config(model):
    return {'input_size': (3, 8, 8)}


def create_transform(input_size=(3, 224, 224), is_training=False, **kwargs):
    def transform(image):
        if not hasattr(image, 'size'):
            raise TypeError('transform takes a PIL image')
        return torch.zeros(input_size)

    return transform
