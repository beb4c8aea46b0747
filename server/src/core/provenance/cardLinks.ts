import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { PathSegment, YamlTree } from '../document/yamlTree';

/** A string the card's front matter holds, with the span of its text (without quotes). */
export interface WrittenValue {
  value: string;
  span: Span;
  path: PathSegment[];
}

/**
 * The links a card's `provenance` block makes, as written, with their places in the file. Only
 * values of the expected types are read: a block the schema rejects is reported by the schema
 * codes, and the drift codes check what they can.
 */
export interface CardLinks {
  run?: { path: WrittenValue; tracker?: string; id?: string };
  config?: { path: WrittenValue; sha256?: WrittenValue };
  code?: { commit: WrittenValue; repository?: string };
  /** `provenance.data` entries. */
  data: { id: WrittenValue; revision?: string; index: number }[];
  baseModel?: { id: WrittenValue; revision?: string };
  evaluationScript?: string;
}

/** The card's provenance links, or undefined when it has no `provenance` mapping. */
export function readCardLinks(doc: ParsedDocument): CardLinks | undefined {
  const tree = doc.yaml;
  if (!tree || doc.frontMatter.state !== 'closed' || !isMap(tree.locate(['provenance'])?.node)) return undefined;
  const at = (...path: PathSegment[]): WrittenValue | undefined => stringAt(tree, ['provenance', ...path]);
  const links: CardLinks = { data: [] };
  const runPath = at('run', 'path');
  if (runPath) links.run = { path: runPath, tracker: at('run', 'tracker')?.value, id: at('run', 'id')?.value };
  const configPath = at('config', 'path');
  if (configPath) links.config = { path: configPath, sha256: at('config', 'sha256') };
  const commit = at('code', 'commit');
  if (commit) links.code = { commit, repository: at('code', 'repository')?.value };
  const data = tree.locate(['provenance', 'data'])?.node;
  (isSeq(data) ? data.items : []).forEach((_, index) => {
    const id = at('data', index, 'id');
    if (id) links.data.push({ id, revision: at('data', index, 'revision')?.value, index });
  });
  const baseModel = at('base_model', 'id');
  if (baseModel) links.baseModel = { id: baseModel, revision: at('base_model', 'revision')?.value };
  links.evaluationScript = at('evaluation', 'script')?.value;
  return links;
}

/**
 * Each string a top-level key holds (`datasets: x` or `datasets: [x, y]`, `base_model` likewise),
 * with its place: the names the Hub shows, which a provenance block pins.
 */
export function namedIds(doc: ParsedDocument, key: 'datasets' | 'base_model'): WrittenValue[] {
  const tree = doc.yaml;
  const node = tree?.locate([key])?.node;
  if (!tree || !node) return [];
  if (!isSeq(node)) return [stringAt(tree, [key])].filter((item): item is WrittenValue => item !== undefined);
  return node.items.flatMap((_, index) => stringAt(tree, [key, index]) ?? []);
}

/** The string scalar at `path`, with its span inside any quotes. */
export function stringAt(tree: YamlTree, path: PathSegment[]): WrittenValue | undefined {
  const node = tree.locate(path)?.node as Node | null | undefined;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return undefined;
  const span = tree.spanOf(node);
  // A number as written: an all-digit commit (`1234567`) or a long one must not lose digits.
  const written =
    typeof node.value === 'number' ? tree.source.slice(span.start - tree.base, span.end - tree.base) : node.value;
  const value = String(written).trim();
  if (value === '') return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return { value, path, span: quoted ? { start: span.start + 1, end: span.end - 1 } : span };
}
