import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { Section } from '../document/markdown';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText, type YamlTree } from '../document/yamlTree';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'key' | 'list' | 'object' | 'item' | 'section' | 'metadata';
  /** The whole extent. */
  span: Span;
  /** What to select when the symbol is picked (the key or heading text). */
  selection: Span;
  children: OutlineSymbol[];
}

/** The outline: a "Metadata" node with the front-matter keys, then the body's headings as a tree. */
export function documentSymbols(doc: ParsedDocument): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const split = doc.frontMatter;
  const tree = doc.yaml;
  if (split.state === 'closed' && tree) {
    const span = { start: split.open.start, end: split.close.end };
    out.push({
      name: 'Metadata',
      kind: 'metadata',
      span,
      selection: split.open,
      children: isMap(tree.root) ? mapSymbols(tree, tree.root) : [],
    });
  }
  out.push(...sectionSymbols(doc));
  return out;
}

function mapSymbols(tree: YamlTree, map: Node): OutlineSymbol[] {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    if (!isScalar(pair.key)) return [];
    const keySpan = tree.spanOf(pair.key);
    const value = pair.value as Node | null;
    const end = value ? tree.spanOf(value).end : keySpan.end;
    return [
      {
        name: keyText(pair),
        detail: isScalar(value) ? String(value.value ?? '') : undefined,
        kind: isSeq(value) ? 'list' : isMap(value) ? 'object' : 'key',
        span: { start: keySpan.start, end: Math.max(end, keySpan.end) },
        selection: keySpan,
        children: childSymbols(tree, value),
      } satisfies OutlineSymbol,
    ];
  });
}

function childSymbols(tree: YamlTree, node: Node | null): OutlineSymbol[] {
  if (isMap(node)) return mapSymbols(tree, node);
  if (!isSeq(node)) return [];
  return node.items.flatMap((item, index) => {
    if (!isMap(item)) return [];
    const span = tree.spanOf(item);
    const name = item.get('name');
    return [
      {
        name: typeof name === 'string' ? name : `[${index}]`,
        kind: 'item',
        span,
        selection: tree.firstLine(span),
        children: mapSymbols(tree, item),
      } satisfies OutlineSymbol,
    ];
  });
}

/** The body's sections as a tree (the Markdown model already nests them). */
function sectionSymbols(doc: ParsedDocument): OutlineSymbol[] {
  const toSymbol = (section: Section): OutlineSymbol => ({
    name: section.heading.text,
    kind: 'section',
    span: trimmed(doc, section.extent),
    selection: section.heading.textSpan,
    children: section.children.map(toSymbol),
  });
  return doc.markdown.sections.filter((section) => !section.parent).map(toSymbol);
}

function trimmed(doc: ParsedDocument, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(doc.text.text[end - 1] ?? '')) end--;
  return { start: span.start, end };
}
