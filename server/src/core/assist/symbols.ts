import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
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

/** Headings nested by level; a section runs to the next heading of the same or a higher level. */
function sectionSymbols(doc: ParsedDocument): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const stack: { level: number; symbol: OutlineSymbol }[] = [];
  const bodyEnd = doc.frontMatter.body.end;
  for (const heading of atxHeadings(doc)) {
    const symbol: OutlineSymbol = {
      name: heading.text,
      kind: 'section',
      span: { start: heading.span.start, end: bodyEnd },
      selection: heading.textSpan,
      children: [],
    };
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) {
      const closed = stack.pop();
      if (closed) closed.symbol.span.end = trimEnd(doc, heading.span.start);
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.symbol.children : roots).push(symbol);
    stack.push({ level: heading.level, symbol });
  }
  for (const open of stack) open.symbol.span.end = trimEnd(doc, bodyEnd);
  return roots;
}

function trimEnd(doc: ParsedDocument, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(doc.text.text[at - 1] ?? '')) at--;
  return at;
}

interface Heading {
  level: number;
  text: string;
  span: Span;
  textSpan: Span;
}

/** ATX headings of the body outside fenced code blocks. */
function atxHeadings(doc: ParsedDocument): Heading[] {
  const text = doc.text.text;
  const { body } = doc.frontMatter;
  const headings: Heading[] = [];
  let fence: string | undefined;
  const pattern = /^.*$/gm;
  pattern.lastIndex = body.start;
  for (let match = pattern.exec(text); match && match.index < body.end; match = pattern.exec(text)) {
    const line = match[0].replace(/\r$/, '');
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (!fence) fence = marker;
      else if (marker.startsWith(fence[0] ?? '') && marker.length >= fence.length) fence = undefined;
    } else if (!fence) {
      const heading = /^( {0,3})(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
      if (heading && heading[3]) {
        const textStart = match.index + line.indexOf(heading[3], (heading[1]?.length ?? 0) + (heading[2]?.length ?? 0));
        headings.push({
          level: heading[2]?.length ?? 1,
          text: heading[3],
          span: { start: match.index, end: match.index + line.length },
          textSpan: { start: textStart, end: textStart + heading[3].length },
        });
      }
    }
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return headings;
}
