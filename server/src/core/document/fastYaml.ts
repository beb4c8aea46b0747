import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, isScalar, type Node, type Schema } from 'yaml';
import { fastPaths } from './fastPaths';
import { YAML_OPTIONS } from './yamlOptions';

/**
 * A fast path for the YAML most configs and cards are made of: block mappings and sequences of
 * one-line scalars, one-line flow collections, comments, anchors, aliases and merge keys. It
 * builds the same nodes as the `yaml` package (same classes, ranges, values, scalar types,
 * anchors) and the plain data in one pass, several times faster than `parseDocument` + `toJS`.
 *
 * The `yaml` package stays the reference: anything outside that subset (block scalars,
 * multi-line scalars or flow collections, tags, explicit keys, directives, tabs, CR line breaks,
 * any syntax error) makes this parser give up, and the caller parses with `yaml` instead. The
 * equivalence test compares both on every corpus file and on generated documents.
 *
 * Ranges follow `yaml`'s composer: a node's third offset includes its line's trailing comment
 * and line break, and comment lines after the last item of a collection belong to the innermost
 * collection unless all of them are less indented than it (the parser's `pop` rule).
 */
export interface FastYaml {
  contents: Node | null;
  value: unknown;
}

/** Thrown when the text leaves the supported subset; the caller falls back to `yaml`. */
class Unsupported extends Error {}

/** Characters that send the whole text to the reference parser. */
const UNSUPPORTED_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]|^(?:---|\.\.\.)(?:[ \n]|$)|^%/m;

let sharedSchema: { schema: Schema; options: Document['options'] } | undefined;

/** The schema `parseDocument` uses with our options: scalars resolve with its own tags. */
function schemaContext(): { schema: Schema; options: Document['options'] } {
  if (!sharedSchema) {
    const doc = new Document(null, YAML_OPTIONS);
    sharedSchema = { schema: doc.schema, options: doc.options };
  }
  return sharedSchema;
}

/** Parses `source` on the fast path, or returns undefined when the reference parser must. */
export function parseFastYaml(source: string): FastYaml | undefined {
  if (!fastPaths.enabled || UNSUPPORTED_TEXT.test(source)) return undefined;
  try {
    return new FastParser(source).parse();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A run of blank and comment lines between two content lines. */
interface Trivia {
  /** Column of each comment line's `#`. */
  commentIndents: number[];
  /** End of the run, after its last line break. */
  end: number;
}

interface Built {
  node: Node;
  value: unknown;
}

interface AnchorEntry {
  node: Node | undefined;
  value: unknown;
  done: boolean;
}

/** A finished block collection and the trailing comment lines it handed to its parent. */
interface BlockResult extends Built {
  pending?: Trivia;
}

/** A collection item's value: `attachable` when it may own the indented comments after it. */
interface ItemResult extends BlockResult {
  attachable?: boolean;
}

type Continuation = { kind: 'item'; at: number } | { kind: 'end'; commentEnd?: number; pending?: Trivia };

/** Far deeper than any real config; the recursion stays well inside the stack. */
const MAX_DEPTH = 200;

/** First characters of the plain scalars the core schema may resolve to something else than a string. */
const MAYBE_TYPED = new Set('~nNtTfF0123456789+-.<');

const FLOW_END = new Set([',', ']', '}']);

class FastParser {
  private pos = 0;
  /** Nesting of the collection being parsed: deep documents go to yaml, which is iterative. */
  private depth = 0;
  private readonly anchors = new Map<string, AnchorEntry>();
  private readonly schema: Schema;
  private readonly options: Document['options'];

  constructor(private readonly src: string) {
    ({ schema: this.schema, options: this.options } = schemaContext());
  }

  parse(): FastYaml {
    this.readTrivia();
    if (this.pos >= this.src.length) throw new Unsupported(); // empty documents: rare and cheap
    const start = this.skipSpaces(this.pos);
    const root = this.blockNode(start - this.pos, start, undefined);
    // Whatever trails the root (comments, blank lines) belongs to the document, not to ranges.
    if (this.pos < this.src.length) throw new Unsupported();
    return { contents: root.node, value: root.value };
  }

  // ---- lines -------------------------------------------------------------------------------

  private column(at: number): number {
    const lineStart = this.src.lastIndexOf('\n', at - 1) + 1;
    return at - lineStart;
  }

  private lineEnd(from: number): number {
    const end = this.src.indexOf('\n', from);
    return end < 0 ? this.src.length : end;
  }

  private afterLine(from: number): number {
    const end = this.lineEnd(from);
    return end < this.src.length ? end + 1 : end;
  }

  private skipSpaces(at: number): number {
    while (this.src.charCodeAt(at) === 32) at++;
    return at;
  }

  /** Reads blank and comment lines from `pos` (a line start); leaves `pos` at the next content. */
  private readTrivia(): Trivia | undefined {
    let trivia: Trivia | undefined;
    while (this.pos < this.src.length) {
      const first = this.skipSpaces(this.pos);
      const ch = this.src[first];
      if (ch !== '\n' && ch !== '#' && first < this.src.length) break;
      trivia ??= { commentIndents: [], end: this.pos };
      if (ch === '#') trivia.commentIndents.push(first - this.pos);
      this.pos = this.afterLine(first);
      trivia.end = this.pos;
    }
    return trivia;
  }

  // ---- block collections --------------------------------------------------------------------

  /** A block node starting at `start` (column `indent`): a sequence, or a mapping. */
  private blockNode(indent: number, start: number, anchor: string | undefined): BlockResult {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const ch = this.src[start];
    const result =
      ch === '-' && this.isSeparated(start + 1)
        ? this.blockSeq(indent, start, anchor)
        : this.blockMap(indent, start, anchor);
    this.depth--;
    return result;
  }

  private isSeparated(at: number): boolean {
    const ch = this.src[at];
    return ch === ' ' || ch === '\n' || ch === undefined;
  }

  private blockMap(indent: number, start: number, anchor: string | undefined): BlockResult {
    const value: Record<string, unknown> = {};
    return this.blockCollection(new YAMLMap(this.schema), value, indent, start, anchor, (map, at) => {
      const key = this.keyAt(at);
      const item = this.valueAfter(indent, key.colon + 1, 'map');
      map.items.push(new Pair(key.node, item.node));
      this.addPair(value, key.node, item);
      return item;
    });
  }

  private blockSeq(indent: number, start: number, anchor: string | undefined): BlockResult {
    const value: unknown[] = [];
    return this.blockCollection(new YAMLSeq(this.schema), value, indent, start, anchor, (seq, at) => {
      if (this.src[at] !== '-' || !this.isSeparated(at + 1)) throw new Unsupported();
      const item = this.valueAfter(indent, at + 1, 'seq');
      seq.items.push(item.node);
      value.push(item.value);
      return item;
    });
  }

  /**
   * The items of a block collection at `indent`, each read by `readItem` from its first offset,
   * until the collection ends; its range ends with the last item's, or with its own trailing
   * comments when it keeps them.
   */
  private blockCollection<C extends YAMLMap | YAMLSeq>(
    collection: C,
    value: unknown,
    indent: number,
    start: number,
    anchor: string | undefined,
    readItem: (collection: C, at: number) => ItemResult,
  ): BlockResult {
    const entry = this.defineAnchor(anchor, collection, value);
    let at = start;
    for (;;) {
      const item = readItem(collection, at);
      const next = this.continuation(indent, item, collection instanceof YAMLSeq);
      if (next.kind === 'item') {
        at = next.at;
        continue;
      }
      const lastEnd = item.node.range![2];
      collection.range = [start, lastEnd, next.commentEnd ?? lastEnd];
      if (entry) entry.done = true;
      return { node: collection, value, pending: next.pending };
    }
  }

  /**
   * After an item of the collection at `indent`: the next item's start, or the end of the
   * collection with its trailing comments (kept, or handed to the parent).
   */
  private continuation(indent: number, item: ItemResult, isSeq: boolean): Continuation {
    const pending = item.pending ?? this.readItemTrivia(indent, item);
    const next = this.pos < this.src.length ? this.skipSpaces(this.pos) : -1;
    const column = next < 0 ? -1 : next - this.pos;
    // A sequence that is a mapping's value may share the mapping's indentation: it ends at the
    // first line that is not a `- ` item.
    const isItem = column === indent && (!isSeq || (this.src[next] === '-' && this.isSeparated(next + 1)));
    if (isItem) {
      this.pos = next;
      return { kind: 'item', at: next };
    }
    if (column > indent) throw new Unsupported(); // a continuation line or an indentation error
    // The next line's indentation joins the comments (yaml's lexer emits it before the content).
    if (pending) pending.end = next < 0 ? this.src.length : next;
    if (!pending || pending.commentIndents.length === 0) return { kind: 'end', pending };
    // yaml's parser hands trailing comments up when all are less indented than the collection.
    if (indent === 0 || pending.commentIndents.every((c) => c < indent)) return { kind: 'end', pending };
    return { kind: 'end', commentEnd: pending.end };
  }

  /**
   * Blank and comment lines after an item's own line. A comment more indented than the
   * collection, with only blank lines before it, extends the item's value (a scalar, alias or
   * flow collection) to the end of the comment's line, as yaml's parser attaches it there.
   */
  private readItemTrivia(indent: number, item: ItemResult): Trivia | undefined {
    let trivia: Trivia | undefined;
    while (this.pos < this.src.length) {
      const first = this.skipSpaces(this.pos);
      const ch = this.src[first];
      if (ch !== '\n' && ch !== '#' && first < this.src.length) break;
      const lineEnd = this.afterLine(first);
      if (ch === '#') {
        const column = first - this.pos;
        if (column > indent && (!trivia || trivia.commentIndents.length === 0)) {
          if (!item.attachable) throw new Unsupported(); // a comment after an empty value
          item.node.range![2] = lineEnd;
          trivia = undefined;
          this.pos = lineEnd;
          continue;
        }
        trivia ??= { commentIndents: [], end: this.pos };
        trivia.commentIndents.push(column);
      } else {
        trivia ??= { commentIndents: [], end: this.pos };
      }
      this.pos = lineEnd;
      trivia.end = lineEnd;
    }
    return trivia;
  }

  // ---- keys and values ----------------------------------------------------------------------

  /** A one-line implicit key at `at`, and the offset of its `:`. */
  private keyAt(at: number): { node: Scalar; colon: number } {
    const ch = this.src[at];
    let node: Scalar;
    let end: number;
    if (ch === '"' || ch === "'") {
      ({ node, end } = this.quoted(at));
    } else {
      if (startsBadly(this.src, at)) throw new Unsupported();
      const lineEnd = this.lineEnd(at);
      let colon = -1;
      for (let i = at; i < lineEnd; i++) {
        const c = this.src.charCodeAt(i);
        if (c === 58 /* : */ && (i + 1 === lineEnd || this.src.charCodeAt(i + 1) === 32)) {
          colon = i;
          break;
        }
        if (c === 35 /* # */ && this.src.charCodeAt(i - 1) === 32) break;
      }
      if (colon < 0) throw new Unsupported();
      end = colon;
      while (this.src.charCodeAt(end - 1) === 32) end--;
      node = this.resolvePlain(this.src.slice(at, end), at, end, true);
    }
    const colon = this.skipSpaces(end);
    if (this.src[colon] !== ':' || !this.isSeparated(colon + 1) || colon - at > 1024) throw new Unsupported();
    node.range = [node.range![0], end, end];
    return { node, colon };
  }

  /**
   * The value after a `:` or `-` at `from` in a collection at `indent`: on the same line (a
   * scalar, alias, flow collection, or a compact collection in a sequence item), or on the next
   * lines (a block collection), or empty.
   */
  private valueAfter(indent: number, from: number, parent: 'map' | 'seq'): ItemResult {
    let at = this.skipSpaces(from);
    let anchor: string | undefined;
    if (this.src[at] === '&') {
      const nameEnd = this.anchorEnd(at + 1);
      anchor = this.src.slice(at + 1, nameEnd);
      if (anchor === '' || !this.isSeparated(nameEnd)) throw new Unsupported();
      at = this.skipSpaces(nameEnd);
    }
    const ch = this.src[at];
    if (ch === '\n' || ch === undefined) {
      // The value is on the next lines, or there is none.
      this.pos = this.afterLine(at);
      const trivia = this.readTrivia();
      const next = this.pos < this.src.length ? this.pos : -1;
      const column = next < 0 ? -1 : this.skipSpaces(next) - next;
      const contentAt = next < 0 ? -1 : next + column;
      const sameIndentSeq =
        parent === 'map' && column === indent && this.src[contentAt] === '-' && this.isSeparated(contentAt + 1);
      if (column > indent || sameIndentSeq) {
        // Comments between the indicator and a block value are the value's props: no range sees them.
        this.pos = contentAt;
        return this.blockNode(column, contentAt, anchor);
      }
      if (anchor !== undefined) throw new Unsupported();
      if (trivia && trivia.commentIndents.length > 0) throw new Unsupported();
      // Empty: yaml places the empty scalar after the indicator and the spaces that follow it.
      const p = this.skipSpaces(from);
      const node = this.resolvePlain('', p, p, false);
      node.range = [p, p, p];
      this.pos = next < 0 ? this.src.length : next;
      return { node, value: null, attachable: false, pending: trivia };
    }
    if (ch === '#') throw new Unsupported(); // an empty value with a comment
    if (parent === 'seq' && anchor === undefined && this.isCompactCollection(at)) {
      const column = this.column(at);
      return this.blockNode(column, at, undefined);
    }
    // An alias inside the anchored value itself would be circular: the placeholder refuses it.
    const placeholder = this.defineAnchor(anchor, undefined, undefined);
    const built = this.inlineValue(at);
    if (placeholder && anchor !== undefined) {
      built.node.anchor = anchor;
      Object.assign(placeholder, { node: built.node, value: built.value, done: true });
    }
    // The rest of the line: spaces, then a comment or the line break.
    let rest = this.skipSpaces(built.end);
    if (this.src[rest] === '#') {
      if (rest === built.end) throw new Unsupported();
    } else if (rest < this.src.length && this.src[rest] !== '\n') throw new Unsupported();
    rest = this.afterLine(rest);
    built.node.range = [built.node.range![0], built.node.range![1], rest];
    this.pos = rest;
    return { node: built.node, value: built.value, attachable: true };
  }

  /** `- key: value` or `- - item`: a collection that starts on the sequence item's line. */
  private isCompactCollection(at: number): boolean {
    if (this.src[at] === '-' && this.isSeparated(at + 1)) return true;
    if (this.src[at] === '"' || this.src[at] === "'") {
      const { end } = this.quoted(at);
      return this.src[this.skipSpaces(end)] === ':';
    }
    if (this.src[at] === '[' || this.src[at] === '{' || this.src[at] === '*' || this.src[at] === '&') return false;
    const lineEnd = this.lineEnd(at);
    for (let i = at; i < lineEnd; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 58 && (i + 1 === lineEnd || this.src.charCodeAt(i + 1) === 32)) return true;
      if (c === 35 && this.src.charCodeAt(i - 1) === 32) return false;
    }
    return false;
  }

  /** A scalar, alias or flow collection on one line; `end` is where its text ends. */
  private inlineValue(at: number): Built & { end: number } {
    const ch = this.src[at];
    if (ch === '"' || ch === "'") {
      const { node, end } = this.quoted(at);
      return { node, value: node.value, end };
    }
    if (ch === '*') return this.alias(at);
    if (ch === '[' || ch === '{') return this.flowCollection(at);
    if (startsBadly(this.src, at)) throw new Unsupported();
    const lineEnd = this.lineEnd(at);
    let end = lineEnd;
    for (let i = at; i < lineEnd; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 35 && this.src.charCodeAt(i - 1) === 32) {
        end = i;
        break;
      }
      // `a: b: c` is a nested mapping yaml refuses: the reference parser says so.
      if (c === 58 && (i + 1 === lineEnd || this.src.charCodeAt(i + 1) === 32)) throw new Unsupported();
    }
    while (this.src.charCodeAt(end - 1) === 32) end--;
    const node = this.resolvePlain(this.src.slice(at, end), at, end, false);
    return { node, value: node.value, end };
  }

  private alias(at: number): Built & { end: number } {
    const end = this.anchorEnd(at + 1);
    const name = this.src.slice(at + 1, end);
    const target = this.anchors.get(name);
    if (!target || !target.done || name.endsWith(':')) throw new Unsupported();
    const node = new Alias(name);
    node.range = [at, end, end];
    return { node, value: target.value, end };
  }

  private anchorEnd(from: number): number {
    let end = from;
    for (;;) {
      const ch = this.src[end];
      if (
        ch === undefined ||
        ch === ' ' ||
        ch === '\n' ||
        ch === ',' ||
        ch === '[' ||
        ch === ']' ||
        ch === '{' ||
        ch === '}'
      )
        return end;
      end++;
    }
  }

  private defineAnchor(name: string | undefined, node: Node | undefined, value: unknown): AnchorEntry | undefined {
    if (name === undefined) return undefined;
    if (node) node.anchor = name;
    const entry = { node, value, done: false };
    this.anchors.set(name, entry);
    return entry;
  }

  // ---- flow collections -----------------------------------------------------------------------

  /** A flow sequence or mapping that closes on its own line. */
  private flowCollection(start: number): Built & { end: number } {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const built = this.flowEntries(start);
    this.depth--;
    return built;
  }

  private flowEntries(start: number): Built & { end: number } {
    const isMap = this.src[start] === '{';
    const close = isMap ? '}' : ']';
    const collection = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    collection.flow = true;
    const value: Record<string, unknown> | unknown[] = isMap ? {} : [];
    let at = this.skipSpaces(start + 1);
    if (this.src[at] === close) {
      collection.range = [start, at + 1, at + 1];
      return { node: collection, value, end: at + 1 };
    }
    for (;;) {
      if (isMap) {
        const key = this.flowItem(at, true);
        const colon = this.skipSpaces(key.end);
        if (this.src[colon] !== ':' || !this.isSeparated(colon + 1)) throw new Unsupported();
        key.node.range = [key.node.range![0], key.end, key.end];
        const item = this.flowItem(this.skipSpaces(colon + 1), false);
        (collection as YAMLMap).items.push(new Pair(key.node, item.node));
        this.addPair(value as Record<string, unknown>, key.node as Scalar, item);
        at = this.skipSpaces(item.end);
        item.node.range![2] = at;
      } else {
        const item = this.flowItem(at, false);
        (collection as YAMLSeq).items.push(item.node);
        (value as unknown[]).push(item.value);
        at = this.skipSpaces(item.end);
        item.node.range![2] = at;
      }
      if (this.src[at] === close) break;
      if (this.src[at] !== ',') throw new Unsupported();
      at = this.skipSpaces(at + 1);
      if (this.src[at] === close) throw new Unsupported(); // a trailing comma: let yaml judge
    }
    collection.range = [start, at + 1, at + 1];
    return { node: collection, value, end: at + 1 };
  }

  /** One entry of a flow collection: a scalar, alias or nested flow collection. */
  private flowItem(at: number, isKey: boolean): Built & { end: number } {
    const ch = this.src[at];
    if (ch === '"' || ch === "'") {
      const { node, end } = this.quoted(at);
      return { node, value: node.value, end };
    }
    if (ch === '*') {
      if (isKey) throw new Unsupported();
      return this.alias(at);
    }
    if (ch === '[' || ch === '{') {
      if (isKey) throw new Unsupported();
      return this.flowCollection(at);
    }
    if (startsBadly(this.src, at) || ch === '\n' || ch === undefined) throw new Unsupported();
    let end = at;
    for (;;) {
      const c = this.src[end];
      if (c === undefined || c === '\n' || FLOW_END.has(c) || c === '[' || c === '{') break;
      if (c === ':' && (isKey || this.isFlowSeparated(end + 1))) {
        if (!isKey) throw new Unsupported(); // an implicit pair inside a sequence
        break;
      }
      if (c === '#' && this.src[end - 1] === ' ') throw new Unsupported();
      end++;
    }
    while (this.src.charCodeAt(end - 1) === 32) end--;
    if (end === at) throw new Unsupported();
    const node = this.resolvePlain(this.src.slice(at, end), at, end, isKey);
    return { node, value: node.value, end };
  }

  private isFlowSeparated(at: number): boolean {
    const ch = this.src[at];
    return ch === ' ' || ch === '\n' || ch === undefined || FLOW_END.has(ch) || ch === '[' || ch === '{';
  }

  // ---- scalars ----------------------------------------------------------------------------------

  /** A plain scalar resolved by the schema's tags, exactly as yaml's composer does it. */
  private resolvePlain(text: string, start: number, end: number, atKey: boolean): Scalar {
    if (text !== '' && !MAYBE_TYPED.has(text[0] as string)) {
      // No null, boolean, number or merge key starts with this character: a string, as the
      // schema's tests would find after trying each of them.
      const node = new Scalar(text);
      node.range = [start, end, end];
      node.source = text;
      node.type = Scalar.PLAIN;
      return node;
    }
    const tag =
      this.schema.tags.find(
        (candidate) =>
          (candidate.default === true || (atKey && candidate.default === 'key')) && candidate.test?.test(text),
      ) ?? (this.schema as unknown as Record<symbol, (typeof this.schema.tags)[number]>)[SCALAR_KEY];
    if (!tag || !('resolve' in tag) || tag.collection) throw new Unsupported();
    const resolved = tag.resolve(
      text,
      () => {
        throw new Unsupported();
      },
      this.options,
    );
    const node = isScalar(resolved) ? resolved : new Scalar(resolved);
    node.range = [start, end, end];
    node.source = text;
    node.type = Scalar.PLAIN;
    if (tag.format) node.format = tag.format;
    return node;
  }

  /** A one-line quoted scalar at `start`; `end` is after its closing quote. */
  private quoted(start: number): { node: Scalar; end: number } {
    const quote = this.src[start];
    let text = '';
    let i = start + 1;
    for (;;) {
      const ch = this.src[i];
      if (ch === undefined || ch === '\n') throw new Unsupported(); // multi-line or unclosed
      if (quote === "'") {
        if (ch === "'") {
          if (this.src[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += ch;
        i++;
        continue;
      }
      if (ch === '"') break;
      if (ch === '\\') {
        const escaped = unescape(this.src, i);
        text += escaped.text;
        i = escaped.next;
        continue;
      }
      text += ch;
      i++;
    }
    const end = i + 1;
    const node = new Scalar(text);
    node.range = [start, end, end];
    node.source = text;
    node.type = quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return { node, end };
  }

  // ---- data ---------------------------------------------------------------------------------------

  /** Adds a pair to the plain data as yaml's toJS does (merge keys, `__proto__`, key strings). */
  private addPair(into: Record<string, unknown>, key: Scalar, item: Built): void {
    if (typeof key.value === 'symbol') {
      this.merge(into, item);
      return;
    }
    const name = key.value === null ? '' : String(key.value);
    if (name in into)
      Object.defineProperty(into, name, { value: item.value, writable: true, enumerable: true, configurable: true });
    else into[name] = item.value;
  }

  /** `<<: *base`, `<<: [*a, *b]` or `<<: {...}`: copies the keys the mapping does not have yet. */
  private merge(into: Record<string, unknown>, item: Built): void {
    const sources: [Node, unknown][] =
      item.node instanceof YAMLSeq
        ? item.node.items.map((node, index) => [node as Node, (item.value as unknown[])[index]])
        : [[item.node, item.value]];
    for (const [node, source] of sources) {
      const target = node instanceof Alias ? this.anchors.get(node.source)?.node : node;
      if (!(target instanceof YAMLMap) || source === null || typeof source !== 'object') throw new Unsupported();
      for (const [name, value] of Object.entries(source)) {
        if (!Object.prototype.hasOwnProperty.call(into, name))
          Object.defineProperty(into, name, { value, writable: true, enumerable: true, configurable: true });
      }
    }
  }
}

/** The `yaml` schema's key for its default string tag (`identity.SCALAR` in its sources). */
const SCALAR_KEY = Symbol.for('yaml.scalar');

/** A plain scalar may not start with an indicator (other than `-?:` before a non-space). */
function startsBadly(src: string, at: number): boolean {
  const ch = src[at];
  if (ch === undefined) return true;
  if ('!&*|>\'"%@`#,[]{}'.includes(ch)) return true;
  if (ch === '-' || ch === '?' || ch === ':') {
    const next = src[at + 1];
    return next === undefined || next === ' ' || next === '\n';
  }
  return false;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** One escape of a double-quoted scalar at `at` (the backslash). */
function unescape(src: string, at: number): { text: string; next: number } {
  const ch = src[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return { text: simple, next: at + 2 };
  const length = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
  const hex = src.slice(at + 2, at + 2 + length);
  if (length === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) throw new Unsupported();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) throw new Unsupported();
  return { text: String.fromCodePoint(code), next: at + 2 + length };
}
