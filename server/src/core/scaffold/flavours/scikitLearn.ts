/**
 * scikit-learn (and estimators with its API saved the same way): a joblib, pickle or skops file,
 * one row per prediction, rows shaped from the estimator itself (`n_features_in_`, and
 * `feature_names_in_` when it was fitted on a DataFrame). A text model gets sentences instead.
 */
import type { FlavourCode, FlavourContext } from './flavourCode';

const TABULAR_INPUTS = `def sample_rows(estimator, count):
    """Seeded random rows shaped as the estimator expects, one row per sample."""
    import numpy as np

    n_features = N_FEATURES or getattr(estimator, 'n_features_in_', None)
    if n_features is None:
        raise SystemExit('The model does not say how many features it takes: set N_FEATURES at the top of this script.')
    rows = np.random.default_rng(0).standard_normal((count, int(n_features)))
    names = getattr(estimator, 'feature_names_in_', None)
    if names is not None:
        import pandas as pd

        return [pd.DataFrame(rows[index : index + 1], columns=list(names)) for index in range(count)]
    return [rows[index : index + 1] for index in range(count)]`;

const TEXT_INPUTS = `def sample_rows(estimator, count):
    """One sentence per sample, for a pipeline that starts with a text vectorizer."""
    return [[SAMPLE_TEXTS[index % len(SAMPLE_TEXTS)]] for index in range(count)]`;

const LOADER = `def load_estimator(path):
    """Loading a joblib or pickle file runs code from it: load only files you trust."""
    if path.lower().endswith('.skops'):
        import skops.io

        return skops.io.load(path, trusted=skops.io.get_untrusted_types(file=path))
    import joblib

    return joblib.load(path)


def load_runner(model, device):
    import sklearn  # noqa: F401 (imported for the version report)

    path = find_model_file(model, ('.joblib', '.skops', '.pkl', '.pickle'))
    estimator = load_estimator(path)
    rows = sample_rows(estimator, 8)

    def run(index):
        return estimator.predict(rows[index % len(rows)])

    return Runner(run, revision=snapshot_revision(path), note=os.path.basename(path))`;

export function scikitLearnFlavour(context: FlavourContext): FlavourCode {
  const text = context.modality === 'text' && context.task !== undefined;
  return {
    libraries: ['sklearn', 'joblib', 'numpy', 'skops'],
    constants: [
      {
        name: 'MODEL_FILE',
        value: context.modelFile ?? null,
        comment: 'The saved estimator, in the --model folder or Hub repo.',
      },
      ...(text
        ? []
        : [{ name: 'N_FEATURES', value: null, comment: 'Columns per row; None: the model says (n_features_in_).' }]),
    ],
    helpers: text ? ['texts', 'cpu-device', 'model-file'] : ['cpu-device', 'model-file'],
    loader: `${text ? TEXT_INPUTS : TABULAR_INPUTS}\n\n\n${LOADER}`,
  };
}
