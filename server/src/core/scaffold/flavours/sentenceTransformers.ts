/** sentence-transformers: one sentence embedded per sample. */
import type { FlavourCode } from './flavourCode';

export function sentenceTransformersFlavour(): FlavourCode {
  return {
    libraries: ['sentence_transformers', 'transformers', 'torch'],
    constants: [],
    helpers: ['texts', 'torch-device'],
    loader: `def load_runner(model, device):
    from sentence_transformers import SentenceTransformer

    net = SentenceTransformer(model, device=device, **hub_kwargs(model))

    def run(index):
        output = net.encode(SAMPLE_TEXTS[index % len(SAMPLE_TEXTS)], convert_to_numpy=True)
        synchronize(device)
        return output

    return Runner(run, device=module_device(net))`,
  };
}
