import { isMap, isScalar, isSeq } from 'yaml';
import type { Span } from '../diagnostic';
import type { DocumentKind } from '../document/kind';
import type { ParsedDocument } from '../document/parsedDocument';
import type { PathSegment, YamlTree } from '../document/yamlTree';

export const MODEL_CARD_SCHEMA = 'https://cardwright.dev/schemas/model-card.schema.json';
export const DATASET_CARD_SCHEMA = 'https://cardwright.dev/schemas/dataset-card.schema.json';

export function cardSchemaId(kind: DocumentKind): string | undefined {
  if (kind === 'model-card') return MODEL_CARD_SCHEMA;
  if (kind === 'dataset-card') return DATASET_CARD_SCHEMA;
  return undefined;
}

/** The bundled schema a document's YAML follows: its card schema or its config format's schema. */
export function documentSchemaId(doc: ParsedDocument): string | undefined {
  return cardSchemaId(doc.kind) ?? (doc.kind === 'training-config' ? doc.config?.schema?.ref : undefined);
}

/**
 * The card's metadata as data, when it is readable: a mapping without YAML syntax errors. Keys
 * with no value are dropped, as the Hub ignores them (the `empty-value` rule reports them).
 */
export function readableMetadata(doc: ParsedDocument): Record<string, unknown> | undefined {
  const tree = doc.yaml;
  if (!tree || tree.syntaxErrors.length > 0 || tree.valueError || !isMap(tree.root)) return undefined;
  // In a training config `null` means something (Hydra's `- logger: null`, `seed: null`): keep it.
  if (doc.kind === 'training-config') return tree.value as Record<string, unknown>;
  // Many rules ask, and a tree is shared by the versions whose front matter is unchanged: the
  // copy is made once per tree.
  let readable = WITHOUT_NULLS.get(tree);
  if (!readable) {
    readable = withoutNulls(tree.value) as Record<string, unknown>;
    WITHOUT_NULLS.set(tree, readable);
  }
  return readable;
}

const WITHOUT_NULLS = new WeakMap<YamlTree, Record<string, unknown>>();

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== null && inner !== undefined) out[key] = withoutNulls(inner);
    }
    return out;
  }
  return value;
}

/** Where a finding about `path` goes: the value, else its key, else the nearest existing parent. */
export function spanForValue(tree: YamlTree, path: readonly PathSegment[]): Span {
  const located = tree.locate(path);
  if (located) return located.value ?? located.key ?? rootSpan(tree);
  return spanForKey(tree, path);
}

/** Where a finding about the key at `path` goes (for a missing key: its parent's key). */
export function spanForKey(tree: YamlTree, path: readonly PathSegment[]): Span {
  const { located } = tree.locateNearest(path);
  if (located.key) return located.key;
  if (located.value) return tree.firstLine(located.value);
  return rootSpan(tree);
}

/** The opening `---` fence for findings about the metadata as a whole. */
function rootSpan(tree: YamlTree): Span {
  const start = Math.max(0, tree.base - 4);
  return { start, end: start + 3 };
}

/** The scalar string items at `path` (a string or a list of strings), with their spans. */
export function stringItems(
  tree: YamlTree,
  path: readonly PathSegment[],
): { value: string; span: Span; path: PathSegment[] }[] {
  const located = tree.locate(path);
  const node = located?.node;
  if (isScalar(node) && typeof node.value === 'string') {
    return [{ value: node.value, span: tree.spanOf(node), path: [...path] }];
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) =>
      isScalar(item) && typeof item.value === 'string'
        ? [{ value: item.value, span: tree.spanOf(item), path: [...path, index] }]
        : [],
    );
  }
  return [];
}
