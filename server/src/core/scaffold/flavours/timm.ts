/** timm: an image model with its own preprocessing (resolved from the model's data config). */
import type { FlavourCode } from './flavourCode';

export function timmFlavour(): FlavourCode {
  return {
    libraries: ['timm', 'torch'],
    constants: [],
    helpers: ['images', 'torch-device'],
    loader: `def timm_name(model):
    """A local folder, a timm model name (resnet50.a1_in1k) or a Hub id, in timm's own spelling."""
    if os.path.isdir(model):
        return 'local-dir:' + model
    if ':' in model or '/' not in model:
        return model
    return 'hf-hub:' + model


def load_runner(model, device):
    import timm
    import torch

    net = timm.create_model(timm_name(model), pretrained=True).to(device).eval()
    config = timm.data.resolve_model_data_config(net)
    transform = timm.data.create_transform(**config, is_training=False)
    batches = [transform(image).unsqueeze(0).to(device) for image in sample_images(4)]

    def run(index):
        with torch.inference_mode():
            output = net(batches[index % len(batches)])
        synchronize(device)
        return output

    return Runner(run, device=module_device(net))`,
  };
}
