/**
 * No recipe for the card's library: a clearly marked skeleton. The harness (timing, hardware,
 * report) is complete; load_runner() stops with a message until the user writes it.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

export function genericFlavour(context: FlavourContext): FlavourCode {
  const library = context.metadata.library_name;
  return {
    libraries: ['torch', 'numpy'],
    constants: [
      {
        name: 'LIBRARY',
        value: typeof library === 'string' ? library : null,
        comment: "The card's library_name, which Cardwright has no loading recipe for.",
      },
    ],
    helpers: ['texts', 'torch-device'],
    loader: `def load_runner(model, device):
    # SKELETON: Cardwright cannot write the loading code for this model. Replace the next line
    # with code that loads \`model\` on \`device\` and returns Runner(run), where run(index) does
    # one inference on a sample input (for example SAMPLE_TEXTS[index % len(SAMPLE_TEXTS)]).
    raise SystemExit(
        'Skeleton only: write load_runner() in %s to load this model (library %s).'
        % (os.path.basename(__file__), LIBRARY or 'unknown')
    )`,
  };
}
