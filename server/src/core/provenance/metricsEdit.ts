import { basename, dirname } from '../fileSystem';
import type { ParsedDocument } from '../document/parsedDocument';
import { insertKey } from '../fixes/metadataFixes';
import type { TextEditSpan } from '../fixes/fix';
import { readableMetadata } from '../rules/metadata';
import { hubPath } from '../schemas/messages';
import type { RunRecord } from '../runs/runRecord';
import { cardMetrics } from './cardMetrics';
import { setTopLevelKey } from './frontMatterEdit';
import { evaluationMetrics, matchingRunMetrics, metricKey } from './metricNames';

/** One value `--write-metrics` wrote. */
export interface MetricChange {
  /** Where: `model-index[0].results[0].metrics[1].value`. */
  path: string;
  /** The card's metric (its type or name). */
  metric: string;
  /** The run's metric the value came from. */
  runMetric: string;
  /** The value the card had, when it had one. */
  previous?: string;
  value: number;
}

export interface MetricsEditResult {
  edits: TextEditSpan[];
  changes: MetricChange[];
  /** Why nothing could be written (no pipeline_tag for a new model-index, no metrics...). */
  problem?: string;
}

/**
 * Fills the card's `model-index[0]` metric values from the run: each metric whose `type` (or
 * `name`) matches a run metric (eval_accuracy ~ accuracy) gets the run's value. A card that gives
 * a fraction as a percentage keeps doing so. Without a model-index, one result with the run's
 * evaluation metrics is added (its task is the card's pipeline_tag). Other lines keep their bytes.
 */
export function metricsEdit(doc: ParsedDocument, run: RunRecord): MetricsEditResult {
  const tree = doc.yaml;
  if (tree?.locate(['model-index']) === undefined) return addModelIndex(doc, run);
  const edits: TextEditSpan[] = [];
  const changes: MetricChange[] = [];
  for (const metric of cardMetrics(doc)) {
    const names = metric.names;
    const match = names.map((name) => matchingRunMetrics(name, run.metrics)[0]).find(Boolean);
    if (!match || !tree) continue;
    const value = inCardScale(metric.value, match.value);
    if (metric.value === value) continue;
    const path = hubPath([...metric.path, 'value']);
    const change: MetricChange = { path, metric: names[0] ?? match.name, runMetric: match.name, value };
    if (metric.written !== undefined) change.previous = metric.written;
    if (metric.valueSpan) edits.push({ span: metric.valueSpan, newText: String(value) });
    else {
      const edit = insertKey(doc, tree, metric.path, `value: ${value}`);
      if (!edit) continue;
      edits.push(edit);
    }
    changes.push(change);
  }
  if (changes.length === 0 && cardMetrics(doc).length === 0) {
    return { edits, changes, problem: 'model-index[0] has no metrics to fill' };
  }
  return { edits, changes };
}

/** The run's value as the card writes it: a percentage when the card's value is one. */
function inCardScale(cardValue: number | undefined, runValue: number): number {
  if (cardValue === undefined || Math.abs(cardValue) <= 1 || Math.abs(runValue) > 1) return runValue;
  return Number((runValue * 100).toPrecision(12));
}

function addModelIndex(doc: ParsedDocument, run: RunRecord): MetricsEditResult {
  const metadata = readableMetadata(doc) ?? {};
  const task = typeof metadata.pipeline_tag === 'string' ? metadata.pipeline_tag : undefined;
  if (!task) {
    return {
      edits: [],
      changes: [],
      problem: 'no model-index was added: the card has no pipeline_tag to name the task',
    };
  }
  // One value per metric key, from the best-ranked run metric (the same order as matching).
  const metrics: { type: string; value: number; runMetric: string }[] = [];
  for (const name of Object.keys(evaluationMetrics(run.tracker, run.metrics))) {
    const key = metricKey(name)?.key;
    const best = key === undefined ? undefined : matchingRunMetrics(key, run.metrics)[0];
    if (key !== undefined && best && !metrics.some((metric) => metric.type === key)) {
      metrics.push({ type: key, value: best.value, runMetric: best.name });
    }
  }
  if (metrics.length === 0) {
    return { edits: [], changes: [], problem: 'no model-index was added: the run recorded no evaluation metrics' };
  }
  const dataset = hubDatasetId(run, metadata.datasets);
  const entry = {
    name: modelName(doc, metadata),
    results: [
      {
        task: { type: task },
        ...(dataset ? { dataset: { type: dataset, name: dataset } } : {}),
        metrics: metrics.map(({ type, value }) => ({ type, value })),
      },
    ],
  };
  const outcome = setTopLevelKey(doc, 'model-index', [entry], 'provenance');
  if (outcome.problem !== undefined) return { edits: [], changes: [], problem: outcome.problem };
  const changes = metrics.map(({ type, value, runMetric }, index) => ({
    path: `model-index[0].results[0].metrics[${index}].value`,
    metric: type,
    runMetric,
    value,
  }));
  return { edits: outcome.edits, changes };
}

/** The dataset to name in a new result: the run's first Hub dataset, else the card's first. */
function hubDatasetId(run: RunRecord, cardDatasets: unknown): string | undefined {
  const fromRun = run.datasets.find((dataset) => /^[\w.-]+\/[\w.-]+$/.test(dataset.id))?.id;
  const fromCard = Array.isArray(cardDatasets) ? cardDatasets[0] : cardDatasets;
  return fromRun ?? (typeof fromCard === 'string' ? fromCard : undefined);
}

/** `model_name`, else the card's title, else its folder's name (a Hub repository's name). */
function modelName(doc: ParsedDocument, metadata: Record<string, unknown>): string {
  if (typeof metadata.model_name === 'string' && metadata.model_name.trim() !== '') return metadata.model_name;
  const title = doc
    .title()
    ?.text.replace(/^Model Card for\s+/i, '')
    .trim();
  return title || basename(dirname(doc.uri.replace(/\\/g, '/'))) || 'model';
}
