import { isMap, isSeq } from 'yaml';
import type { Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { PathSegment } from '../document/yamlTree';
import { toFiniteNumber } from '../runs/fileData';
import { stringAt } from './cardLinks';

/** One `model-index[0].results[*].metrics[*]` entry of a card. */
export interface CardMetric {
  /** The metric entry's path (`['model-index', 0, 'results', 1, 'metrics', 0]`). */
  path: PathSegment[];
  /** `type`, then `name`: the names a run metric may match. */
  names: string[];
  /** The value as a number, when it is one (`0.93`, `"0.93"`); absent for `20.0 ± 1.2` or no value. */
  value?: number;
  /** The value's span (without quotes), when the entry has a value. */
  valueSpan?: Span;
  /** The value as written. */
  written?: string;
}

/**
 * The metrics the card reports for itself: `model-index[0]` (later entries may describe other
 * models, so they are not compared with this card's run).
 */
export function cardMetrics(doc: ParsedDocument): CardMetric[] {
  const tree = doc.yaml;
  const results = tree?.locate(['model-index', 0, 'results'])?.node;
  if (!tree || !isSeq(results)) return [];
  const found: CardMetric[] = [];
  results.items.forEach((result, resultIndex) => {
    const metrics = isMap(result) ? result.get('metrics', true) : undefined;
    if (!isSeq(metrics)) return;
    metrics.items.forEach((metric, metricIndex) => {
      if (!isMap(metric)) return;
      const path: PathSegment[] = ['model-index', 0, 'results', resultIndex, 'metrics', metricIndex];
      const names = ['type', 'name'].flatMap((key) => stringAt(tree, [...path, key])?.value ?? []);
      const written = stringAt(tree, [...path, 'value']);
      const value = written ? toFiniteNumber(written.value) : undefined;
      found.push({
        path,
        names,
        ...(value !== undefined ? { value } : {}),
        ...(written ? { valueSpan: written.span, written: written.value } : {}),
      });
    });
  });
  return found;
}
