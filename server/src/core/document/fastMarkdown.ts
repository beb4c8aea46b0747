import type { SyntaxNode } from '@lezer/common';
import { parser as lezerParser, Table } from '@lezer/markdown';
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { LineIndex } from './lineIndex';
import { HAND_BACK, PhrasingReader } from './fastMarkdownInline';
import { type DocumentDefinitions, MAYBE_DEFINITION, readDefinitions } from './fastMarkdownDefinitions';
import { BlockReader, COMMENT_OR_BLOCK_TAG, DECLINE, LONE_TAG_LINE, OTHER_HTML_START } from './fastMarkdownBlocks';
import { TableReader } from './fastMarkdownTables';

/**
 * A fast Markdown path: @lezer/markdown (an incremental CommonMark parser, about ten times faster
 * than micromark here) gives the block structure and the everyday inline markup, converted into
 * the mdast remark would give (blocks: fastMarkdownBlocks.ts, tables: fastMarkdownTables.ts,
 * phrasing: fastMarkdownInline.ts, GFM literal autolinks as micromark finds them:
 * literalAutolinks.ts, link definitions and the references they make: fastMarkdownDefinitions.ts).
 * Wherever micromark may read the text otherwise than lezer (strikethrough, character references,
 * collapsed references, HTML by micromark's own rules, code inside containers, emphasis runs split
 * by the rule of three, ...) the group of top-level blocks holding it is handed back: remark parses
 * those lines alone, after the document's definitions (the `reference` parser). A document whose
 * reading reaches across groups (footnotes, definitions other than the plain top-level ones, an
 * empty list item, a fence left open) is declined as a whole. CR LF line ends are read as LF.
 *
 * The result is the mdast MarkdownModel reads (types, offsets, lines, columns, values, heading
 * depths, code languages and meta, image alts, link targets and titles, references' identifiers,
 * labels and kinds), identical to remark's:
 * test/unit/fastMarkdown.test.ts compares both on the CommonMark spec's examples, generated
 * documents and every corpus card. A list's looseness (`spread`) is not computed: nothing reads it.
 */
const LEZER = lezerParser.configure([Table]);

const [findLeftoverAutolinks] = gfmAutolinkLiteralFromMarkdown().transforms as [(tree: Root) => void];

/** A top-level block of lezer's, with its mdast when converted (`leftovers`: see push()). */
interface ConvertedBlock {
  node: SyntaxNode;
  converted?: RootContent;
  leftovers?: boolean;
}

export type ReferenceParser = (text: string) => Root;

/** The mdast of `source` (a card's body), or undefined when only remark can say. */
export function parseMarkdownFast(source: string, reference: ReferenceParser): Root | undefined {
  // Footnote definitions resolve references anywhere in the document.
  // micromark turns NUL into U+FFFD.
  if (source.includes('[^') || source.includes('\0')) return undefined;
  if (source.includes('\r')) return withCrLfLineEnds(source, reference);
  return new Converter(source, reference).root();
}

/** Character references that decode to a line feed: a value's LF that is no line end. */
const LINE_FEED_REFERENCE = /&(?:#0*10|#[xX]0*[aA]|NewLine);/;

/**
 * A document with CR LF line ends (written on Windows). micromark reads CR LF as one line ending,
 * exactly as LF, and keeps it as written in values: so the document is read with LF ends and the
 * tree moved back, each offset by the CRs before it (one per line above) and each LF in a value
 * made CR LF. Remark reads a lone CR, a mix of ends, or a reference that decodes to LF.
 */
function withCrLfLineEnds(source: string, reference: ReferenceParser): Root | undefined {
  const lf = source.replace(/\r\n/g, '\n');
  if (lf.includes('\r') || /(?:^|[^\r])\n/.test(source) || LINE_FEED_REFERENCE.test(source)) return undefined;
  const tree = new Converter(lf, reference).root();
  if (!tree) return undefined;
  forEachNode(tree, (node) => {
    movePoints(node, (point) => point.line - 1);
    const fields = node as { value?: unknown; alt?: unknown; title?: unknown; label?: unknown };
    for (const key of ['value', 'alt', 'title', 'label'] as const) {
      const text = fields[key];
      if (typeof text === 'string') fields[key] = text.replace(/\n/g, '\r\n');
    }
  });
  return tree;
}

function forEachNode(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) forEachNode(child, visit);
}

/** Adds `by(point)` to the offset of each point of the node's position, and `lines` to its line. */
function movePoints(node: Nodes, by: (point: Point) => number, lines = 0): void {
  for (const point of node.position ? [node.position.start, node.position.end] : []) {
    point.offset = (point.offset ?? 0) + by(point);
    point.line += lines;
  }
}

class Converter {
  private readonly lines: LineIndex;
  /** The document's link definitions (none when no line may hold one). */
  private definitions?: DocumentDefinitions;
  private readonly phrasing: PhrasingReader;
  private readonly blockReader: BlockReader;

  constructor(
    private readonly source: string,
    private readonly reference: ReferenceParser,
  ) {
    this.lines = new LineIndex(source);
    this.phrasing = new PhrasingReader(source, this.lines);
    this.blockReader = new BlockReader(
      source,
      this.lines,
      this.phrasing,
      new TableReader(source, this.lines, this.phrasing),
    );
  }

  root(): Root | undefined {
    const blocks: ConvertedBlock[] = [];
    const top = LEZER.parse(this.source).topNode;
    // Definitions reach references in any block: read first, or the document is remark's.
    if (MAYBE_DEFINITION.test(this.source)) {
      this.definitions = readDefinitions(this.source, top, this.lines);
      if (!this.definitions) return undefined;
      this.phrasing.defined = this.definitions.identifiers;
    }
    for (let node = top.firstChild; node; node = node.nextSibling) {
      if (node.name === 'LinkReference') {
        const definition = this.definitions?.byStart.get(node.from);
        if (!definition) return undefined;
        blocks.push({ node, converted: definition });
        continue;
      }
      try {
        this.phrasing.addressLikeText = false;
        const converted = this.blockReader.block(node, false) ?? undefined;
        blocks.push({ node, converted, leftovers: this.phrasing.addressLikeText });
      } catch (error) {
        if (error === DECLINE) return undefined;
        if (error !== HAND_BACK) throw error;
        blocks.push({ node });
      }
    }
    const children: RootContent[] = [];
    for (let first = 0; first < blocks.length;) {
      const { last, acrossBlankLine } = this.group(blocks, first);
      const group = blocks.slice(first, last + 1);
      const converted = acrossBlankLine ? undefined : this.convertedGroup(group);
      if (converted === DECLINE) return undefined;
      if (converted) {
        children.push(...converted);
        first = last + 1;
        continue;
      }
      // Handed back up to the next group: the blank lines between are remark's too (indented
      // code keeps a line of spaces after it). Where remark's reading ends in a list, quote or
      // indented code and the next group may go on with it, that group joins the slice.
      let end = last;
      let parsed: RootContent[] | undefined;
      for (;;) {
        const next = blocks[end + 1];
        parsed = this.handBack(group[0]!.node.from, next ? this.lines.lineStart(next.node.from) : this.source.length);
        if (!parsed) return undefined;
        const tail = parsed[parsed.length - 1]?.type;
        if (!next || !(tail === 'list' || tail === 'blockquote' || tail === 'code') || !this.mayContinue(next.node))
          break;
        end = this.group(blocks, end + 1).last;
      }
      children.push(...parsed);
      first = end + 1;
    }
    return { type: 'root', children, position: this.lines.position(0, this.source.length) };
  }

  /**
   * The blocks from `first` that are read together: those not parted by a blank line (they can
   * change each other's reading: an HTML block or a table interrupting a paragraph, a lazy line),
   * and past a blank line what may go on with a list or quote before it (an indented line,
   * another item), which lezer may end where micromark does not (tabs).
   */
  private group(blocks: readonly ConvertedBlock[], first: number): { last: number; acrossBlankLine: boolean } {
    let last = first;
    let acrossBlankLine = false;
    let container = isContainer(blocks[first]!.node) ? blocks[first]!.node : undefined;
    for (; last + 1 < blocks.length; last++) {
      const [before, after] = [blocks[last]!.node, blocks[last + 1]!.node];
      if (this.blankLineBetween(before, after)) {
        if (!container || !this.mayContinue(after, container)) break;
        acrossBlankLine = true;
      }
      if (isContainer(after)) container = after;
    }
    return { last, acrossBlankLine };
  }

  /** A group's mdast when every block of it converted and nothing around them reads otherwise. */
  private convertedGroup(group: readonly ConvertedBlock[]): RootContent[] | undefined | typeof DECLINE {
    // The end of the group's last line (a block may take in the line break after it).
    let lastTo = group[group.length - 1]!.node.to;
    while (lastTo > 0 && this.source.charCodeAt(lastTo - 1) === 10) lastTo--;
    const groupEnd = this.lines.lineEnd(lastTo);
    // A line right after a table is one of its rows to GFM, whatever lezer made of it.
    // Before it, only what a lazy line cannot continue: a heading or a paragraph.
    const tableWithOthers = group.some(
      (block, index) =>
        block.node.name === 'Table' &&
        (index < group.length - 1 ||
          group.slice(0, index).some(({ node }) => node.name !== 'Paragraph' && !node.name.startsWith('ATXHeading'))),
    );
    // A line of one tag where no paragraph is open starts an HTML block to micromark (kind 7),
    // running to the blank line whatever lezer read in it: lezer reads some such lines as text.
    const tagAt = group.findIndex(
      (block, index) =>
        (block.node.name === 'Paragraph' || block.node.name.startsWith('SetextHeading')) &&
        (index === 0 || (index === 1 && group[0]!.node.name.startsWith('ATXHeading'))) &&
        this.startsLoneTagBlock(block.node),
    );
    if (tagAt >= 0) {
      const start = this.lines.lineStart(group[tagAt]!.node.from);
      const html = this.source.slice(start, groupEnd);
      // The HTML block ends at the first blank line: one inside a lezer block (an open fence) is remark's.
      if (!group.slice(0, tagAt).every((block) => block.converted) || /\n[ \t]*\n/.test(html)) return undefined;
      // A fence line inside the HTML block is no fence to micromark: what lezer read after it is not.
      if (/(?:^|\n)[ \t>]*(?:```|~~~)/.test(html)) return DECLINE;
      const out: RootContent[] = [];
      for (const block of group.slice(0, tagAt)) this.push(out, block);
      out.push({ type: 'html', value: html, position: this.lines.position(start, groupEnd) });
      return out;
    }
    // An HTML block of kind 7 (one tag on its line: not a block-level name in micromark's list,
    // though in lezer's, like `<source>`) cannot break a paragraph or a lazy line to micromark.
    const lateTagBlock = group.some(
      (block, index) =>
        index > 0 &&
        block.node.name === 'HTMLBlock' &&
        !COMMENT_OR_BLOCK_TAG.test(this.lines.lineText(this.lines.lineOf(block.node.from))),
    );
    if (tableWithOthers || lateTagBlock || !group.every((block) => block.converted)) return undefined;
    const out: RootContent[] = [];
    for (const block of group) this.push(out, block);
    return out;
  }

  private push(children: RootContent[], block: ConvertedBlock): void {
    // remark finds the addresses micromark left in text afterwards (mdast-util-gfm-autolink-
    // literal's transform): the same transform runs over the blocks whose text may hold one.
    if (block.leftovers) findLeftoverAutolinks(block.converted as unknown as Root);
    children.push(block.converted!);
  }

  /** A paragraph to lezer whose first line is one tag and nothing else: an HTML block of kind 7 to micromark. */
  private startsLoneTagBlock(node: SyntaxNode): boolean {
    const line = this.source.slice(node.from, this.lines.lineEnd(node.from));
    return LONE_TAG_LINE.test(line) && !COMMENT_OR_BLOCK_TAG.test(line) && !OTHER_HTML_START.test(line);
  }

  /**
   * Whether `after`, past a blank line, may go on with a list (another item, or a line indented
   * as far as an item's content: two columns at least) or indented code before it to micromark.
   */
  private mayContinue(after: SyntaxNode, list?: SyntaxNode): boolean {
    // A list with another marker starts a list of its own; with the same one, lezer's end is doubtful.
    if (/List$/.test(after.name)) return !list || this.marker(after) === this.marker(list);
    let columns = 0;
    for (let at = this.lines.lineStart(after.from); ; at++) {
      const code = this.source.charCodeAt(at);
      if (code === 32) columns++;
      else if (code === 9) columns += 4 - (columns % 4);
      else break;
    }
    return columns >= 2;
  }

  /** A list's marker as CommonMark tells lists apart: the bullet, or an ordered list's delimiter. */
  private marker(list: SyntaxNode): string {
    const mark = list.firstChild?.getChild('ListMark');
    return mark ? this.source.charAt(mark.to - 1) : '';
  }

  private blankLineBetween(before: SyntaxNode, after: SyntaxNode): boolean {
    return /\n[ \t]*\n/.test(this.source.slice(before.to, after.from));
  }

  /**
   * remark's reading of the lines from `from` to `to`, parsed alone. The document's definitions
   * go before it (then dropped), so its references resolve as in the whole document: before, as
   * what follows the slice's last line changes how micromark reads it (a lazy line at the end).
   */
  private handBack(from: number, to: number): RootContent[] | undefined {
    const start = this.lines.lineStart(from);
    const slice = this.source.slice(start, to);
    const count = this.definitions?.byStart.size ?? 0;
    const prefix = count > 0 ? `${this.definitions?.text}\n\n` : '';
    const tree = this.reference(prefix + slice);
    const prepended = tree.children.splice(0, count);
    if (prepended.some((node) => node.type !== 'definition')) return undefined;
    // What remark left open at the slice's end (a fence, a raw HTML block) would go on past it.
    if (endsOpen(tree, prefix + slice)) return undefined;
    const prefixLines = count > 0 ? count + 1 : 0;
    for (const node of tree.children) {
      // A definition lezer did not read as ours (readDefinitions) would reach other blocks.
      if (node.type === 'footnoteDefinition') return undefined;
      if (node.type === 'definition' && !this.definitions?.identifiers.has(node.identifier)) return undefined;
      // Offsets and lines move to where the slice starts (a line start); columns stay.
      const lines = this.lines.lineOf(start) - prefixLines;
      forEachNode(node, (inner) => movePoints(inner, () => start - prefix.length, lines));
    }
    return tree.children;
  }
}

/** A list: after a blank line, more of it may follow (a blank line ends a quote). */
function isContainer(node: SyntaxNode): boolean {
  return node.name === 'BulletList' || node.name === 'OrderedList';
}

/** Whether the last block of a parsed slice is a fence or raw HTML block left open at its end. */
function endsOpen(tree: Root, slice: string): boolean {
  let node: Nodes | undefined = tree.children[tree.children.length - 1];
  // The innermost last block: a list's last item's last block, a quote's last block.
  while (
    node &&
    'children' in node &&
    (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
  ) {
    node = node.children[node.children.length - 1];
  }
  if (!node?.position) return false;
  const raw = slice.slice(node.position.start.offset, node.position.end.offset);
  if (node.type === 'code') {
    const fence = /^(`{3,}|~{3,})/.exec(raw.replace(/^[ \t]+/, ''))?.[1];
    if (!fence) return false;
    const lastLine = raw
      .slice(raw.lastIndexOf('\n') + 1)
      .replace(/^[ \t>]*/, '')
      .trimEnd();
    return !(raw.includes('\n') && lastLine.startsWith(fence) && /^(`+|~+)$/.test(lastLine));
  }
  if (node.type === 'html') return OTHER_HTML_START.test(raw) || (raw.startsWith('<!--') && !raw.includes('-->'));
  return false;
}
