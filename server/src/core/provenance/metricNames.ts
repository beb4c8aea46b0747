import type { Tracker } from '../runs';

/*
 * Trackers name one metric many ways: `accuracy` (MLflow), `eval_accuracy` (HF Trainer),
 * `eval/accuracy` or `val_accuracy` (W&B, Lightning), while a card's model-index says
 * `type: accuracy` or `name: Test Accuracy`. Names are compared by a key without the split prefix.
 */

/** Split prefixes of evaluation metrics, in the order a card's value is most likely to come from. */
const EVAL_PREFIXES = ['test', 'eval', 'evaluation', 'validation', 'valid', 'val', 'predict'];
const PREFIX = new RegExp(`^(${EVAL_PREFIXES.join('|')})[_/. -]+`);
const TRAINING = /^train(ing)?([_/. -]|$)/;
/** Names that count progress or cost, not quality: never model-index metrics. */
const BOOKKEEPING =
  /(^|[_/. -])(runtime|samples_per_second|steps_per_second|samples|epoch|step|global_step|update_step|learning_rate|lr|grad_norm|total_flos|flos|timestamp|memory)$/;

export interface MetricKey {
  /** The name without split prefix, lower case, spaces and dashes as `_`: `accuracy`. */
  key: string;
  /** 0 for a name without prefix, else 1 + the prefix's place in EVAL_PREFIXES. */
  rank: number;
}

/** The comparison key of a metric name, or undefined for training metrics. */
export function metricKey(name: string): MetricKey | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === '' || TRAINING.test(lower)) return undefined;
  const prefix = PREFIX.exec(lower);
  const bare = prefix ? lower.slice(prefix[0].length) : lower;
  const rank = prefix ? 1 + EVAL_PREFIXES.indexOf(prefix[1] ?? '') : 0;
  return { key: bare.replace(/[\s-]+/g, '_'), rank };
}

/**
 * The run's metrics that match a card metric named `cardName` (its `type`, or its `name`), best
 * first: the same name, then test, eval, validation values. Empty when the run has none.
 */
export function matchingRunMetrics(
  cardName: string,
  runMetrics: Readonly<Record<string, number>>,
): { name: string; value: number }[] {
  const wanted = metricKey(cardName);
  if (!wanted) return [];
  const exact = cardName.trim().toLowerCase();
  return Object.entries(runMetrics)
    .map(([name, value]) => ({ name, value, key: metricKey(name) }))
    .filter((candidate) => candidate.key?.key === wanted.key)
    .sort((a, b) => rankOf(a.name, a.key, exact) - rankOf(b.name, b.key, exact))
    .map(({ name, value }) => ({ name, value }));
}

function rankOf(name: string, key: MetricKey | undefined, exact: string): number {
  return name.toLowerCase() === exact ? -1 : (key?.rank ?? 99);
}

/**
 * The run's evaluation metrics: what a card reports, without training curves and bookkeeping
 * (runtime, steps, learning rate). HF Trainer logs the training loss as a bare `loss`, so only its
 * eval/test/predict values count.
 */
export function evaluationMetrics(tracker: Tracker, metrics: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(metrics).filter(([name]) => {
      const key = metricKey(name);
      if (!key || BOOKKEEPING.test(name.toLowerCase())) return false;
      return tracker !== 'hf-trainer' || key.rank > 0;
    }),
  );
}

/**
 * Whether a card's value agrees with the run's within a relative tolerance. A card may report a
 * fraction as a percentage (93.1 for 0.931), as many Hub cards do: that agrees too.
 */
export function valuesAgree(cardValue: number, runValue: number, tolerance: number): boolean {
  const close = (expected: number): boolean =>
    expected === 0 ? cardValue === 0 : Math.abs(cardValue - expected) <= tolerance * Math.abs(expected);
  return close(runValue) || (Math.abs(runValue) <= 1 && close(runValue * 100));
}
