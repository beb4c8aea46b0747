import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { parseFastYaml } from './fastYaml';
import { YAML_OPTIONS } from './yamlOptions';
import type { Span } from '../diagnostic';

/** A step into YAML data: a mapping key or a sequence index. */
export type PathSegment = string | number;

export interface YamlProblem {
  span: Span;
  message: string;
}

export interface LocatedNode {
  /** The key of the pair holding the node (absent for sequence items and the root). */
  key?: Span;
  /** The value node, absent when the key has no value (`language:`). */
  value?: Span;
  node: Node | null;
}

/**
 * Alias expansion is bounded: a "billion laughs" document must fail fast, not eat the server's
 * memory or make schema validation walk a billion values. The bound is on the size of the data
 * with every alias expanded, relative to the text: real configs that repeat an anchor hundreds
 * of times (`<<: *defaults` in every experiment) stay far below it.
 */
const MIN_EXPANSION_LIMIT = 100_000;
const EXPANSION_FACTOR = 10;
/**
 * One YAML document parsed with node ranges. All spans are offsets into the whole file's text
 * (`base` is where the YAML starts), so rules never do offset arithmetic themselves.
 */
export class YamlTree {
  readonly doc: Document.Parsed;
  readonly syntaxErrors: YamlProblem[] = [];
  /** Each repeated key, with the span of its first occurrence. */
  readonly duplicateKeys: (YamlProblem & { key: string; first: Span })[] = [];
  readonly unsupportedTags: (YamlProblem & { tag: string })[] = [];
  /** The data as plain JS, or undefined when it could not be built (see `valueError`). */
  readonly value: unknown;
  readonly valueError?: string;

  constructor(
    /** The YAML text alone (the front matter's content, or the whole config file). */
    readonly source: string,
    readonly base: number,
  ) {
    const fast = parseFastYaml(source);
    if (fast) {
      // The fast path accepts only what it parses exactly as yaml does, with no errors or warnings.
      const doc = new Document(null, YAML_OPTIONS) as Document.Parsed;
      doc.contents = fast.contents as Document.Parsed['contents'];
      this.doc = doc;
    } else {
      this.doc = parseDocument(source, YAML_OPTIONS);
    }
    for (const error of this.doc.errors) {
      this.syntaxErrors.push({ span: this.shift(error.pos), message: firstMessageLine(error.message) });
    }
    this.findDuplicateKeys(this.doc.contents);
    for (const warning of this.doc.warnings) {
      if (warning.code === 'TAG_RESOLVE_FAILED') {
        const tag = warning.message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
        this.unsupportedTags.push({ span: this.shift(warning.pos), message: warning.message, tag });
      }
    }
    let value: unknown;
    try {
      if (this.syntaxErrors.length === 0) {
        // An alias is written `*name`: without a `*` nothing can expand (most front matter).
        if (source.includes('*')) checkExpansion(this.doc.contents);
        value = fast ? fast.value : this.doc.toJS({ maxAliasCount: -1 });
      }
    } catch (error) {
      this.valueError = error instanceof Error ? error.message : String(error);
    }
    this.value = value;
  }

  get root(): Node | null {
    return this.doc.contents;
  }

  /** Span of a node in file offsets, without the trailing line break of block collections. */
  spanOf(node: Node): Span {
    const [start, valueEnd] = node.range ?? [0, 0];
    let end = valueEnd;
    while (end > start && /\s/.test(this.source[end - 1] ?? '')) end--;
    return { start: this.base + start, end: this.base + end };
  }

  /** Records every key that repeats an earlier key of the same mapping (what the Hub refuses). */
  private findDuplicateKeys(node: unknown): void {
    if (isMap(node)) {
      // Spans are computed for duplicates only, and small mappings (most of them) are compared
      // pairwise without a Map: this runs over every key of large configs on every keystroke.
      const items = node.items;
      const seen = items.length > 16 ? new Map<string, Node>() : undefined;
      const keys: string[] = [];
      for (const [index, pair] of items.entries()) {
        if (isScalar(pair.key)) {
          const key = keyText(pair);
          keys[index] = key;
          const first = seen ? seen.get(key) : firstKeyNode(items, keys, index, key);
          if (first) {
            this.duplicateKeys.push({
              span: this.spanOf(pair.key),
              first: this.spanOf(first),
              key,
              message: `Map keys must be unique: "${key}"`,
            });
          } else seen?.set(key, pair.key);
        }
        this.findDuplicateKeys(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) this.findDuplicateKeys(item);
    }
  }

  /** Finds the node at `path`, with the key that holds it. Undefined when the path does not exist. */
  locate(path: readonly PathSegment[]): LocatedNode | undefined {
    let node: Node | null = this.root;
    let key: Span | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair: Pair<unknown, unknown> | undefined = node.items.find((item) => keyText(item) === String(segment));
        if (!pair) return undefined;
        key = isScalar(pair.key) ? this.spanOf(pair.key) : undefined;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) return undefined;
        key = undefined;
        node = (item as Node | null) ?? null;
      } else {
        return undefined;
      }
    }
    return { key, value: node ? this.spanOf(node) : undefined, node };
  }

  /** The deepest existing prefix of `path` (for errors about paths that do not exist yet). */
  locateNearest(path: readonly PathSegment[]): { located: LocatedNode; depth: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const located = this.locate(path.slice(0, depth));
      if (located) return { located, depth };
    }
    return { located: { node: null }, depth: 0 };
  }

  /** A span cut at its first line break, so a finding on a whole mapping does not paint it all. */
  firstLine(span: Span): Span {
    const local = this.source.slice(span.start - this.base, span.end - this.base);
    const newline = local.search(/[\r\n]/);
    return newline < 0 ? span : { start: span.start, end: span.start + newline };
  }

  private shift([start, end]: [number, number]): Span {
    return { start: this.base + start, end: this.base + Math.max(end, start) };
  }
}

/** The first scalar key before `index` whose text is `key` (keys[i] holds item i's text). */
function firstKeyNode(
  items: readonly Pair<unknown, unknown>[],
  keys: readonly string[],
  index: number,
  key: string,
): Node | undefined {
  for (let other = 0; other < index; other++) {
    if (keys[other] === key) return items[other]?.key as Node;
  }
  return undefined;
}

/** The text of a pair's key as the data sees it (`null` keys and complex keys become strings). */
export function keyText(pair: Pair<unknown, unknown>): string {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return String(key);
}

export function isPairNode(value: unknown): value is Pair<unknown, unknown> {
  return isPair(value);
}

function firstMessageLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Throws when the data, with every alias expanded, would hold more than EXPANSION_FACTOR times
 * the nodes the text has (and more than MIN_EXPANSION_LIMIT). Linear in the nodes: each
 * anchored node's expanded size is computed once.
 */
function checkExpansion(root: Node | null): void {
  // Expanded sizes of anchored nodes only: an alias can refer to nothing else.
  const anchored = new Map<string, number>();
  let written = 0;
  const sizeOf = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    written++;
    let size = 1;
    if (isAlias(node)) {
      // An alias inside its own anchor (not measured yet) counts once.
      size = anchored.get(node.source) ?? 1;
    } else if (isMap(node)) {
      for (const pair of node.items) size += sizeOf(pair.key) + sizeOf(pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) size += sizeOf(item);
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchored.set(anchor, size);
    return size;
  };
  const expanded = sizeOf(root);
  const limit = Math.max(MIN_EXPANSION_LIMIT, EXPANSION_FACTOR * written);
  if (expanded > limit) {
    throw new Error(
      `its aliases expand ${written} written values into ${expanded > 1e12 ? 'more than a trillion' : expanded.toLocaleString('en-US')}, beyond the limit of ${limit.toLocaleString('en-US')}`,
    );
  }
}
