import { Document, isMap, isScalar, visit, type Pair } from 'yaml';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText } from '../document/yamlTree';
import { lineBreak, lineEndOf, lineStartOf, nextLineStartOf, type TextEditSpan } from '../fixes/fix';

/** Edits, or why none can be made (shown to the user as is). */
export type EditOutcome = { edits: TextEditSpan[]; problem?: undefined } | { edits?: undefined; problem: string };

/** Leaf mappings with more entries than this are written one entry a line (long metric lists). */
const MAX_FLOW_ENTRIES = 6;

/**
 * YAML text for `key: value` at the root of a front matter, one line per entry, each ending with
 * `eol` and starting with `indent`. Mappings of scalars are written in flow style
 * (`run: {tracker: mlflow, id: ...}`) as in the product's example. Written as YAML 1.1 so that
 * strings such as `yes`, `on` or a numeric-looking sha are quoted for every YAML reader.
 */
export function renderTopLevel(key: string, value: unknown, eol: string, indent = ''): string {
  const doc = new Document({ [key]: value }, { version: '1.1' });
  visit(doc, {
    Map(_, node) {
      const leaf = node.items.every((pair) => isScalar(pair.value));
      if (leaf && node.items.length <= MAX_FLOW_ENTRIES && node !== doc.contents) node.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${indent}${line}${eol}`)
    .join('');
}

/**
 * Edits that set the top-level `key` of the card's front matter to `value`: its lines are replaced
 * when the key exists, else it is added at the end (or before the key `before`, when that exists).
 * Every other line (keys, values, comments, blank lines) keeps its bytes. A card without front
 * matter gets one at the top.
 */
export function setTopLevelKey(doc: ParsedDocument, key: string, value: unknown, before?: string): EditOutcome {
  const text = doc.text.text;
  const eol = lineBreak(doc);
  const split = doc.frontMatter;
  if (split.state === 'missing') {
    return { edits: [{ span: { start: 0, end: 0 }, newText: `---${eol}${renderTopLevel(key, value, eol)}---${eol}` }] };
  }
  if (split.state === 'unclosed') {
    return { problem: 'the front matter is never closed (front-matter-unclosed): add the closing `---` line first' };
  }
  const tree = doc.yaml;
  if (!tree || tree.syntaxErrors.length > 0) {
    return { problem: 'the front matter has YAML syntax errors (yaml-syntax): fix them first' };
  }
  const root = tree.root;
  if (root === null || (isScalar(root) && root.value === null)) {
    return {
      edits: [{ span: { start: split.content.end, end: split.content.end }, newText: renderTopLevel(key, value, eol) }],
    };
  }
  if (!isMap(root) || root.flow) {
    return {
      problem: 'the front matter is not a block mapping of keys to values: Cardwright only adds to `key: value` lines',
    };
  }
  const pairs = root.items.filter((pair) => keyText(pair) === key);
  if (pairs.length > 1) return { problem: `"${key}" appears more than once in the front matter (yaml-duplicate-key)` };
  const firstKey = root.items[0]?.key;
  const firstStart = isScalar(firstKey) ? tree.spanOf(firstKey).start : split.content.start;
  const indent = ' '.repeat(firstStart - lineStartOf(text, firstStart));
  const rendered = renderTopLevel(key, value, eol, indent);
  const existing = pairs[0];
  if (existing) return { edits: [{ span: pairLines(doc, existing), newText: rendered }] };
  const next = before === undefined ? undefined : root.items.find((pair) => keyText(pair) === before);
  const nextKey = next?.key;
  const at = isScalar(nextKey) ? lineStartOf(text, tree.spanOf(nextKey).start) : split.content.end;
  const needsBreak = at > split.content.start && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  return { edits: [{ span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${rendered}` }] };
}

/** The whole lines a top-level pair covers: from its key's line to the end of its value's last line. */
function pairLines(doc: ParsedDocument, pair: Pair<unknown, unknown>): { start: number; end: number } {
  const tree = doc.yaml;
  const text = doc.text.text;
  const key = pair.key;
  const value = pair.value;
  const keySpan = tree && isScalar(key) ? tree.spanOf(key) : { start: 0, end: 0 };
  const valueEnd =
    tree && value && typeof value === 'object' && 'range' in value ? tree.spanOf(value as never).end : keySpan.end;
  return {
    start: lineStartOf(text, keySpan.start),
    end: nextLineStartOf(text, lineEndOf(text, Math.max(valueEnd, keySpan.end))),
  };
}
