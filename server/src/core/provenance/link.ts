import { ParsedDocument } from '../document/parsedDocument';
import type { TextEditSpan } from '../fixes/fix';
import type { RunRecord } from '../runs/runRecord';
import { buildProvenanceWithNotes, type LinkFacts, type ProvenanceBlock } from './buildProvenance';
import { setTopLevelKey, type EditOutcome } from './frontMatterEdit';
import { metricsEdit, type MetricChange } from './metricsEdit';

/** Edits that write `block` as the card's `provenance` key (inserted, or replacing the old block). */
export function provenanceEdit(doc: ParsedDocument, block: ProvenanceBlock): EditOutcome {
  return setTopLevelKey(doc, 'provenance', block);
}

export interface LinkOptions {
  /** Also fill model-index metric values from the run (`--write-metrics`). */
  writeMetrics?: boolean;
}

export interface LinkResult {
  block: ProvenanceBlock;
  /**
   * One edit against `doc` (the changed stretch of the front matter), or none when the card
   * already says all this. Apply it as a WorkspaceEdit, or with applyEdits for a file.
   */
  edits: TextEditSpan[];
  /** The card's text after the edits (without a BOM, as `doc.text.text`). */
  text: string;
  /** Metric values written (`writeMetrics`). */
  metricChanges: MetricChange[];
  /** What the user should review: facts not from the run, metrics that could not be written. */
  notes: string[];
  /** Set when nothing could be written (broken front matter): the edits are then empty. */
  problem?: string;
}

/**
 * Links a run to a card: writes its provenance block and, when asked, its metrics. Pure: the
 * facts are gathered by the caller (readLinkFacts) and the result is edits to apply.
 */
export function linkRun(doc: ParsedDocument, run: RunRecord, facts: LinkFacts, options: LinkOptions = {}): LinkResult {
  const { block, notes } = buildProvenanceWithNotes(run, facts);
  const original = doc.text.text;
  const written = provenanceEdit(doc, block);
  if (written.problem !== undefined) {
    return { block, edits: [], text: original, metricChanges: [], notes, problem: written.problem };
  }
  let text = applyEdits(original, written.edits);
  let metricChanges: MetricChange[] = [];
  if (options.writeMetrics) {
    // Computed on the text with the block in it, so both changes compose without overlapping.
    const linked = new ParsedDocument({ ...doc.source, text, version: doc.version + 1 }, { kind: doc.kind });
    const metrics = metricsEdit(linked, run);
    if (metrics.problem) notes.push(`metrics: ${metrics.problem}`);
    else if (metrics.changes.length === 0)
      notes.push('metrics: the card already has the run’s values (or no metric matches)');
    text = applyEdits(text, metrics.edits);
    metricChanges = metrics.changes;
  }
  return { block, edits: diffEdit(original, text), text, metricChanges, notes };
}

/** Applies non-overlapping edits to `text` (the last first, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

/** The single edit turning `before` into `after`: the stretch between their common start and end. */
function diffEdit(before: string, after: string): TextEditSpan[] {
  if (before === after) return [];
  let { head: start, tail: end } = commonEnds(before, after);
  // Never split a CRLF pair (both sides of the pair are common text, so widening is safe).
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
  if (end > 0 && before[before.length - end] === '\n' && before[before.length - end - 1] === '\r') end--;
  return [{ span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) }];
}

/** How many items `a` and `b` share at their start (`head`) and, after that, at their end (`tail`). */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}
