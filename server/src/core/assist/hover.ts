import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Position, Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText, type PathSegment, type YamlTree } from '../document/yamlTree';
import { documentSchemaId, readableMetadata } from '../rules/metadata';
import { hubPath } from '../schemas/messages';
import { descriptionOf, knownValues, schemasAtPath } from '../schemas/navigate';
import type { SchemaRegistry } from '../schemas/registry';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  span: Span;
}

/** Hover on a front-matter key (its schema description) or value (what the enum value means). */
export function hoverAt(doc: ParsedDocument, position: Position, registry: SchemaRegistry): HoverInfo | undefined {
  const schemaId = documentSchemaId(doc);
  const tree = doc.yaml;
  if (!schemaId || !tree || !registry.has(schemaId)) return undefined;
  const hit = nodeAt(tree, tree.root, doc.text.offsetAt(position), []);
  if (!hit) return undefined;
  const schemas = schemasAtPath(registry, schemaId, hit.path, readableMetadata(doc));
  const description = descriptionOf(schemas);
  const title = `**${hubPath(hit.path)}**`;
  if (hit.on === 'key') {
    return description ? { contents: `${title}\n\n${description}`, span: hit.span } : undefined;
  }
  const known = knownValues(schemas, registry).find((entry) => String(entry.value) === String(hit.value));
  if (!known?.description) return undefined;
  return { contents: `\`${String(hit.value)}\`: ${known.description}\n\n${title}`, span: hit.span };
}

interface Hit {
  on: 'key' | 'value';
  path: PathSegment[];
  span: Span;
  value?: unknown;
}

function nodeAt(tree: YamlTree, node: Node | null, offset: number, path: PathSegment[]): Hit | undefined {
  const within = (span: Span): boolean => offset >= span.start && offset <= span.end;
  if (isMap(node)) {
    for (const pair of node.items) {
      const childPath = [...path, keyText(pair)];
      if (isScalar(pair.key) && within(tree.spanOf(pair.key)))
        return { on: 'key', path: childPath, span: tree.spanOf(pair.key) };
      const inner = nodeAt(tree, pair.value as Node | null, offset, childPath);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const inner = nodeAt(tree, item as Node | null, offset, [...path, index]);
      if (inner) return inner;
    }
  } else if (isScalar(node) && within(tree.spanOf(node))) {
    return { on: 'value', path, span: tree.spanOf(node), value: node.value };
  }
  return undefined;
}
