import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { CardDiagnostic, Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { PathSegment, YamlTree } from '../document/yamlTree';
import { keyText } from '../document/yamlTree';
import {
  fillEmptyValue,
  lineBreak,
  lineEndOf,
  lineStartOf,
  nextLineStartOf,
  replacementFor,
  yamlScalar,
  type Fix,
  type TextEditSpan,
} from './fix';

/** Fixes for metadata diagnostics, keyed by code. Each returns [] when it does not apply. */
export function metadataFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  const tree = doc.yaml;
  if (!tree) return [];
  const span = spanOf(doc, diagnostic);
  const data = diagnostic.data;
  switch (diagnostic.code) {
    case 'schema-enum':
    case 'language-code':
    case 'dataset-id':
      return suggestions(data).map((value, index) => replaceValue(doc, span, value, index === 0));
    case 'unknown-key':
      return suggestions(data).map((key, index) => ({
        title: `Rename to "${key}"`,
        kind: 'quickfix',
        isPreferred: index === 0,
        edits: [{ span, newText: key }],
      }));
    case 'deprecated':
      return deprecatedFix(doc, tree, span, data);
    case 'yaml-duplicate-key':
      return removePair(doc, tree, span, `Remove the duplicate "${String(data.key)}"`);
    case 'empty-value':
      return removePair(doc, tree, span, `Remove the empty key "${String(data.key)}"`);
    case 'schema-required':
      return addRequiredKey(doc, tree, data);
    case 'license-other-incomplete':
      return addLicenseKeys(doc, tree, data);
    default:
      return [];
  }
}

function spanOf(doc: ParsedDocument, diagnostic: CardDiagnostic): Span {
  return { start: doc.text.offsetAt(diagnostic.range.start), end: doc.text.offsetAt(diagnostic.range.end) };
}

function suggestions(data: Record<string, unknown>): string[] {
  return Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
}

function replaceValue(doc: ParsedDocument, span: Span, value: string, isPreferred: boolean): Fix {
  const original = doc.text.text.slice(span.start, span.end);
  return {
    title: `Change to "${value}"`,
    kind: 'quickfix',
    isPreferred,
    edits: [{ span, newText: replacementFor(original, value) }],
  };
}

function deprecatedFix(doc: ParsedDocument, tree: YamlTree, span: Span, data: Record<string, unknown>): Fix[] {
  const replacement = typeof data.replacement === 'string' ? data.replacement : undefined;
  if (!replacement) return [];
  if (data.value !== undefined) return [replaceValue(doc, span, replacement, true)];
  // Renaming `languages` to `language` when both exist would create a duplicate key.
  const root = tree.root;
  if (isMap(root) && root.items.some((pair) => keyText(pair) === replacement)) return [];
  return [
    {
      title: `Rename to "${replacement}"`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ span, newText: replacement }],
    },
  ];
}

/** Deletes the pair whose key is at `keySpan`: whole lines in block style, `, key: v` in flow style. */
function removePair(doc: ParsedDocument, tree: YamlTree, keySpan: Span, title: string): Fix[] {
  const found = findPairByKey(tree, tree.root, keySpan.start);
  if (!found) return [];
  const { pair, parent } = found;
  const text = doc.text.text;
  const end =
    pair.value && (pair.value as { range?: unknown }).range ? tree.spanOf(pair.value as never).end : keySpan.end;
  let edit: TextEditSpan;
  if (parent.flow) {
    const index = parent.items.indexOf(pair);
    const before = text.lastIndexOf(',', keySpan.start);
    const after = text.indexOf(',', end);
    edit =
      index > 0
        ? { span: { start: before, end }, newText: '' }
        : {
            span: { start: keySpan.start, end: after >= 0 && index < parent.items.length - 1 ? after + 1 : end },
            newText: '',
          };
  } else {
    // `- name:` opens a list item: deleting its line would turn the list into a mapping.
    if (text.slice(lineStartOf(text, keySpan.start), keySpan.start).includes('-')) return [];
    edit = { span: { start: lineStartOf(text, keySpan.start), end: nextLineStartOf(text, end) }, newText: '' };
  }
  return [{ title, kind: 'quickfix', isPreferred: true, edits: [edit] }];
}

function findPairByKey(
  tree: YamlTree,
  node: unknown,
  keyStart: number,
): { pair: Pair<unknown, unknown>; parent: YAMLMap<unknown, unknown> } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && tree.spanOf(pair.key).start === keyStart) return { pair, parent: node };
      const inner = findPairByKey(tree, pair.value, keyStart);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findPairByKey(tree, item, keyStart);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Placeholder values by JSON type, for a required key with no schema default. */
const PLACEHOLDERS: Record<string, string> = {
  string: 'TODO',
  number: '0',
  integer: '0',
  boolean: 'false',
  array: '[]',
  object: '{}',
};

function addRequiredKey(doc: ParsedDocument, tree: YamlTree, data: Record<string, unknown>): Fix[] {
  const path = Array.isArray(data.path) ? (data.path as PathSegment[]) : [];
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  const value =
    data.default !== undefined ? yamlScalar(data.default) : (PLACEHOLDERS[String(data.type ?? 'string')] ?? 'TODO');
  // The key may be there with no value (the Hub, and our validation, ignore empty keys).
  const present = tree.locate(path)?.key;
  if (present) {
    const filled = fillEmptyValue(doc.text.text, present.end, value);
    return filled ? [{ title: `Fill in "${key}"`, kind: 'quickfix', isPreferred: true, edits: [filled] }] : [];
  }
  const edit = insertKey(doc, tree, path.slice(0, -1), `${key}: ${value}`);
  return edit ? [{ title: `Add "${key}"`, kind: 'quickfix', isPreferred: true, edits: [edit] }] : [];
}

function addLicenseKeys(doc: ParsedDocument, tree: YamlTree, data: Record<string, unknown>): Fix[] {
  const missing = Array.isArray(data.missing) ? (data.missing as string[]) : [];
  const lines = missing.map((key) => (key === 'license_link' ? 'license_link: LICENSE' : `${key}: custom-license`));
  const edit = insertKey(doc, tree, [], lines.join(lineBreak(doc)));
  return edit
    ? [
        {
          title: `Add ${missing.map((k) => `"${k}"`).join(' and ')}`,
          kind: 'quickfix',
          isPreferred: true,
          edits: [edit],
        },
      ]
    : [];
}

/**
 * An edit inserting `line` (one or more `key: value` lines) into the mapping at `parentPath`:
 * after its last entry with the entries' indentation (block), before `}` (flow), or at the end of
 * the front matter (root).
 */
export function insertKey(
  doc: ParsedDocument,
  tree: YamlTree,
  parentPath: PathSegment[],
  line: string,
): TextEditSpan | undefined {
  const text = doc.text.text;
  const eol = lineBreak(doc);
  const split = doc.frontMatter;
  if (parentPath.length === 0) {
    if (split.state !== 'closed') return undefined;
    const at = split.content.end;
    const needsBreak = at > split.content.start && text[at - 1] !== '\n';
    return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
  }
  const located = tree.locate(parentPath);
  const node = located?.node;
  if (!isMap(node)) return undefined;
  const span = tree.spanOf(node);
  if (node.flow) {
    const close = text.lastIndexOf('}', span.end);
    const empty = node.items.length === 0;
    return { span: { start: close, end: close }, newText: `${empty ? '' : ', '}${line.split(eol).join(', ')}` };
  }
  const first = node.items[0]?.key;
  if (!isScalar(first)) return undefined;
  const keyStart = tree.spanOf(first).start;
  const indent = ' '.repeat(keyStart - lineStartOf(text, keyStart));
  const at = lineEndOf(text, span.end);
  return {
    span: { start: at, end: at },
    newText: line
      .split(eol)
      .map((l) => `${eol}${indent}${l}`)
      .join(''),
  };
}
