import { Document, isMap, isSeq } from 'yaml';
import type { ParsedDocument } from '../document/parsedDocument';
import { insertKey } from '../fixes/metadataFixes';
import { lineBreak, lineEndOf, lineStartOf, type TextEditSpan } from '../fixes/fix';
import type { RunRecord } from '../runs/runRecord';
import { namedIds, readCardLinks, type CardLinks, type WrittenValue } from './cardLinks';
import { revisionFor, type ConfigReferences } from './configReferences';

/** A dataset or base model the card names without the revision its run or config knows. */
export interface UnpinnedReference {
  kind: 'dataset' | 'base_model';
  id: string;
  /** The revision the run read (or the config pins). */
  revision: string;
  source: 'run' | 'config';
  /** The card's entry: the provenance block's when it has one, else the `datasets`/`base_model` item. */
  written: WrittenValue;
}

/**
 * Datasets and base models the card names (`datasets`, `base_model`, and the provenance block's
 * `data` and `base_model`) that no provenance entry pins, while the linked run or the linked
 * config knows the revision. One finding per id.
 */
export function unpinnedReferences(
  doc: ParsedDocument,
  links: CardLinks,
  run: RunRecord | undefined,
  config: ConfigReferences | undefined,
): UnpinnedReference[] {
  const found: UnpinnedReference[] = [];
  const datasetPins = links.data.filter((entry) => entry.revision).map((entry) => entry.id.value.toLowerCase());
  const datasets = [...links.data.map((entry) => entry.id), ...namedIds(doc, 'datasets')];
  for (const written of firstPerId(datasets)) {
    if (datasetPins.includes(written.value.toLowerCase())) continue;
    const fromRun = run?.datasets.find((dataset) => sameId(dataset.id, written.value) && dataset.revision)?.revision;
    const fromConfig = config ? revisionFor(config.datasets, written.value) : undefined;
    const revision = fromRun ?? fromConfig;
    if (revision)
      found.push({ kind: 'dataset', id: written.value, revision, source: fromRun ? 'run' : 'config', written });
  }
  const pinnedModel = links.baseModel?.revision ? links.baseModel.id.value : undefined;
  const models = [...(links.baseModel ? [links.baseModel.id] : []), ...namedIds(doc, 'base_model')];
  for (const written of firstPerId(models)) {
    if (pinnedModel !== undefined && sameId(pinnedModel, written.value)) continue;
    const fromRun = run?.baseModel && sameId(run.baseModel.id, written.value) ? run.baseModel.revision : undefined;
    const fromConfig = config ? revisionFor(config.models, written.value) : undefined;
    const revision = fromRun ?? fromConfig;
    if (revision) {
      found.push({ kind: 'base_model', id: written.value, revision, source: fromRun ? 'run' : 'config', written });
    }
  }
  return found;
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function firstPerId(values: WrittenValue[]): WrittenValue[] {
  return values.filter((value, index) => values.findIndex((other) => sameId(other.value, value.value)) === index);
}

/**
 * Edits that pin `id` to `revision` in the provenance block: a `revision` key in its entry, or a
 * new entry (`{id, revision}`) in `data`, or a new `base_model`. Empty when the block's shape
 * leaves no safe place (e.g. its `base_model` names another model).
 */
export function pinRevisionEdits(
  doc: ParsedDocument,
  kind: UnpinnedReference['kind'],
  id: string,
  revision: string,
): TextEditSpan[] {
  const tree = doc.yaml;
  const links = readCardLinks(doc);
  if (!tree || !links) return [];
  const revisionLine = `revision: ${flowText(revision)}`;
  const entryText = flowText({ id, revision });
  const edit = (() => {
    if (kind === 'base_model') {
      if (!links.baseModel) return insertKey(doc, tree, ['provenance'], `base_model: ${entryText}`);
      return sameId(links.baseModel.id.value, id)
        ? insertKey(doc, tree, ['provenance', 'base_model'], revisionLine)
        : undefined;
    }
    const entry = links.data.find((candidate) => sameId(candidate.id.value, id));
    if (entry) return insertKey(doc, tree, ['provenance', 'data', entry.index], revisionLine);
    const data = tree.locate(['provenance', 'data']);
    if (!data) return insertKey(doc, tree, ['provenance'], `data: [${entryText}]`);
    return isSeq(data.node) && data.value ? appendItem(doc, data.value, data.node.flow ?? false, entryText) : undefined;
  })();
  return edit ? [edit] : [];
}

/** An item added after the last one of a sequence, in its style (`- x` lines, or `[a, x]`). */
function appendItem(
  doc: ParsedDocument,
  span: { start: number; end: number },
  flow: boolean,
  item: string,
): TextEditSpan {
  const text = doc.text.text;
  if (flow) {
    const close = text.lastIndexOf(']', span.end);
    const empty = text.slice(span.start + 1, close).trim() === '';
    return { span: { start: close, end: close }, newText: `${empty ? '' : ', '}${item}` };
  }
  const indent = ' '.repeat(span.start - lineStartOf(text, span.start));
  const at = lineEndOf(text, span.end);
  return { span: { start: at, end: at }, newText: `${lineBreak(doc)}${indent}- ${item}` };
}

/** A value as one line of flow YAML (`{id: x, revision: y}`), quoted where YAML 1.1 would misread it. */
function flowText(value: unknown): string {
  const doc = new Document(value, { version: '1.1' });
  if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim();
}
