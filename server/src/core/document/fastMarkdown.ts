import type { SyntaxNode } from '@lezer/common';
import { parser as lezerParser, Table } from '@lezer/markdown';
import type { AlignType, BlockContent, Nodes, Root, RootContent, TableCell, TableRow } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { LineIndex } from './lineIndex';
import { HAND_BACK, isSpace, PhrasingReader } from './fastMarkdownInline';

/**
 * A fast Markdown path: @lezer/markdown (an incremental CommonMark parser, about ten times faster
 * than micromark here) gives the block structure and the everyday inline markup, converted into
 * the mdast remark would give. Everything whose remark reading depends on more than the local
 * syntax (literal autolinks, strikethrough, entities, reference links, tables, code and HTML
 * inside containers, ...) is handed back: the top-level block holding it is parsed by remark
 * itself (the `reference` parser, over that block's lines alone), and a document with link or
 * footnote definitions (which reach across blocks) is declined as a whole.
 *
 * The result is the mdast MarkdownModel reads (types, offsets, values, heading depths, code
 * languages, image alts), identical to remark's: the equivalence tests compare both on every
 * corpus card and on generated documents.
 */
const LEZER = lezerParser.configure([Table]);

/** Thrown where remark's reading depends on context a block alone does not show: remark parses the document. */
const DECLINE = Symbol('decline');

/** A line that may start a link definition (`[label]: url`), in a block quote or list item too. */
const MAYBE_DEFINITION = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))*[ \t]*\[(?:[^\]\\]|\\[\s\S])*\]:/m;

/** CommonMark's block-level tag names: a line starting with one starts an HTML block (its kind 6). */
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/**
 * A line holding one complete tag and nothing else, as micromark reads tags (an unquoted
 * attribute value ends at `/` there): an HTML block of kind 7.
 */
const LONE_TAG_LINE =
  /^[ \t]{0,3}(?:<[A-Za-z][A-Za-z\d-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n"'=<>`/]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z\d-]*[ \t]*>)[ \t]*$/;

/** HTML blocks both parsers read alike: comments, block-level tags (kinds 2 and 6). */
const COMMENT_OR_BLOCK_TAG = new RegExp(`^[ \\t]{0,3}(?:<!--|<\\/?(?:${BLOCK_TAG_NAMES})(?:[ \\t>]|\\/>|$))`, 'i');

/** Whatever else starts an HTML block: `<?`, `<!X`, CDATA, and the raw-text tags (kinds 1, 3 to 5). */
const OTHER_HTML_START = /^[ \t]{0,3}<(?:\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[ \t>]|$))/i;

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
  // Footnote and link definitions resolve references anywhere in the document.
  if (source.includes('[^') || source.includes('\r')) return undefined;
  return new Converter(source, reference).root();
}

class Converter {
  private readonly lines: LineIndex;
  /** With no line that may hold a definition, `[text]` is text to remark. */
  private readonly withoutDefinitions: boolean;
  private readonly phrasing: PhrasingReader;

  constructor(
    private readonly source: string,
    private readonly reference: ReferenceParser,
  ) {
    this.lines = new LineIndex(source);
    this.withoutDefinitions = !MAYBE_DEFINITION.test(source);
    this.phrasing = new PhrasingReader(source, this.lines, this.withoutDefinitions);
  }

  root(): Root | undefined {
    // Definitions reach references in any block; remark reads such a document whole.
    if (!this.withoutDefinitions) return undefined;
    const blocks: ConvertedBlock[] = [];
    const top = LEZER.parse(this.source).topNode;
    for (let node = top.firstChild; node; node = node.nextSibling) {
      if (node.name === 'LinkReference') return undefined;
      try {
        this.phrasing.addressLikeText = false;
        const converted = this.block(node, false) ?? undefined;
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
    const groupEnd = this.lineEnd(lastTo);
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
    if (tableWithOthers || !group.every((block) => block.converted)) return undefined;
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

  /** Where the line holding `offset` ends (before its line break). */
  private lineEnd(offset: number): number {
    const end = this.source.indexOf('\n', offset);
    return end < 0 ? this.source.length : end;
  }

  /** A paragraph to lezer whose first line is one tag and nothing else: an HTML block of kind 7 to micromark. */
  private startsLoneTagBlock(node: SyntaxNode): boolean {
    const line = this.source.slice(node.from, this.lineEnd(node.from));
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

  /** remark's reading of the lines from `from` to `to`, parsed alone. */
  private handBack(from: number, to: number): RootContent[] | undefined {
    const start = this.lines.lineStart(from);
    const slice = this.source.slice(start, to);
    const tree = this.reference(slice);
    // What remark left open at the slice's end (a fence, a raw HTML block) would go on past it.
    if (endsOpen(tree, slice)) return undefined;
    for (const node of tree.children) {
      // A definition lezer did not see would reach other blocks.
      if (node.type === 'definition' || node.type === 'footnoteDefinition') return undefined;
      this.shift(node, start, this.lines.lineOf(start));
    }
    return tree.children;
  }

  /** Moves a slice's nodes to where the slice starts (a line start): offsets and lines shift, columns stay. */
  private shift(node: Nodes, by: number, lines: number): void {
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        point.offset = (point.offset ?? 0) + by;
        point.line += lines;
      }
    }
    if ('children' in node) for (const child of node.children) this.shift(child, by, lines);
  }

  private block(node: SyntaxNode, nested: boolean): RootContent | undefined {
    const { from, to } = node;
    switch (node.name) {
      case 'Paragraph':
        this.handBackIfMicromarkReadsOtherwise(from, to);
        if (nested && this.source.slice(from, to).includes('\n')) this.handBackIfQuoted(node);
        return {
          type: 'paragraph',
          children: this.phrasing.phrasingOf(node, from, trimEnd(this.source, from, to)),
          position: this.lines.position(from, to),
        };
      case 'ATXHeading1':
      case 'ATXHeading2':
      case 'ATXHeading3':
      case 'ATXHeading4':
      case 'ATXHeading5':
      case 'ATXHeading6':
        return this.atxHeading(node);
      case 'SetextHeading1':
      case 'SetextHeading2': {
        const underline = node.lastChild;
        if (nested || underline?.name !== 'HeaderMark') throw HAND_BACK;
        const end = trimEnd(this.source, from, this.lines.lineStart(underline.from));
        this.handBackIfMicromarkReadsOtherwise(from, end);
        return {
          type: 'heading',
          depth: node.name === 'SetextHeading1' ? 1 : 2,
          children: this.phrasing.phrasingOf(node, from, end),
          position: this.lines.position(from, to),
        };
      }
      case 'FencedCode':
        if (nested) throw HAND_BACK;
        return this.fencedCode(node);
      case 'CodeBlock':
        if (nested) throw HAND_BACK;
        return this.indentedCode(node);
      case 'HTMLBlock':
      case 'CommentBlock':
      case 'ProcessingInstructionBlock': {
        const firstLine = this.source.slice(from, this.source.indexOf('\n', from) >>> 0);
        if (nested || !(COMMENT_OR_BLOCK_TAG.test(firstLine) || LONE_TAG_LINE.test(firstLine))) throw HAND_BACK;
        const start = this.lines.lineStart(from);
        return { type: 'html', value: this.source.slice(start, to), position: this.lines.position(start, to) };
      }
      case 'HorizontalRule':
        return { type: 'thematicBreak', position: this.lines.position(from, to) };
      case 'BulletList':
      case 'OrderedList':
        return this.list(node);
      case 'Table':
        if (nested) throw HAND_BACK;
        return this.table(node);
      case 'Blockquote':
        return { type: 'blockquote', children: this.blocks(node), position: this.lines.position(from, to) };
      default:
        throw HAND_BACK;
    }
  }

  /**
   * The lines of a paragraph (or a setext heading's text), `from` to `to`, where micromark may read
   * something else: an HTML block where its rules for one hold (lezer's differ), a table where a
   * line may be a delimiter row, an empty list item where a line is a bare marker; after a lazy
   * line micromark may start any HTML block.
   */
  private handBackIfMicromarkReadsOtherwise(from: number, to: number): void {
    const text = this.source.slice(from, to);
    if (
      this.startsHtml(text.slice(0, text.indexOf('\n') >>> 0)) ||
      /\n[ \t>]*<[A-Za-z/!?]|\n[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]*(?:\n|$)|\n[ \t>]*\|?[ \t]*[-:][-:| \t]*(?:\n|$)/.test(
        text,
      )
    ) {
      throw HAND_BACK;
    }
  }

  /** Whether micromark starts an HTML block with this line. */
  private startsHtml(line: string): boolean {
    return COMMENT_OR_BLOCK_TAG.test(line) || OTHER_HTML_START.test(line) || LONE_TAG_LINE.test(line);
  }

  /** A paragraph of several lines in a block quote: its text would carry the `>` markers. */
  private handBackIfQuoted(node: SyntaxNode): void {
    for (let parent = node.parent; parent; parent = parent.parent) if (parent.name === 'Blockquote') throw HAND_BACK;
  }

  private blocks(node: SyntaxNode): BlockContent[] {
    const out: BlockContent[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'QuoteMark' || child.name === 'ListMark') continue;
      const converted = this.block(child, true);
      if (converted) out.push(converted as BlockContent);
    }
    return out;
  }

  private list(node: SyntaxNode): RootContent {
    const ordered = node.name === 'OrderedList';
    const items = [];
    for (let item = node.firstChild; item; item = item.nextSibling) {
      if (item.name !== 'ListItem') throw HAND_BACK;
      // An item starts at its marker (lezer's node, at the line's indentation).
      const mark = item.getChild('ListMark');
      const content = mark?.nextSibling;
      // An empty item reads differently in micromark depending on what came before.
      if (!mark || !content) throw DECLINE;
      // A task list item's box (`[ ]`, `[x]`) is remark's to read.
      if (/^\[[ \txX]\]/.test(this.source.slice(content.from, content.from + 3))) throw HAND_BACK;
      const children = this.blocks(item);
      // An item ends where its last block does (lezer's node takes in a following quote marker).
      const end = children[children.length - 1]?.position?.end.offset ?? item.to;
      items.push({ type: 'listItem' as const, spread: false, children, position: this.lines.position(mark.from, end) });
    }
    const first = node.firstChild?.getChild('ListMark');
    if (!first) throw HAND_BACK;
    const start = ordered ? Number.parseInt(this.source.slice(first.from, first.to), 10) : null;
    return {
      type: 'list',
      ordered,
      start,
      spread: false,
      children: items,
      position: this.lines.position(first.from, node.to),
    };
  }

  private table(node: SyntaxNode): RootContent {
    const rows: TableRow[] = [];
    let align: AlignType[] = [];
    let end = node.from;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'TableDelimiter') {
        align = this.cellSpans(child, []).map(({ from, to }) => alignment(this.source.slice(from, to)));
        end = this.rowExtent(child).to;
      } else if (child.name === 'TableHeader' || child.name === 'TableRow') {
        rows.push(this.tableRow(child));
      } else {
        throw HAND_BACK;
      }
    }
    // Without as many header cells as delimiter cells, GFM reads no table.
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last || first.children.length !== align.length) throw HAND_BACK;
    end = Math.max(end, last.position!.end.offset!);
    return { type: 'table', align, children: rows, position: this.lines.position(first.position!.start.offset!, end) };
  }

  /** A row as remark gives it: from its first character to its line's end, cells from pipe to pipe. */
  private tableRow(row: SyntaxNode): TableRow {
    const cells: TableCell[] = [];
    const contents: SyntaxNode[] = [];
    for (let child = row.firstChild; child; child = child.nextSibling)
      if (child.name === 'TableCell') contents.push(child);
    for (const span of this.cellSpans(row, contents)) {
      const content = contents.find((cell) => cell.from >= span.from && cell.to <= span.to);
      const children = content ? this.phrasing.phrasingOf(content, content.from, content.to) : [];
      cells.push({ type: 'tableCell', children, position: this.lines.position(span.from, span.to) });
    }
    const { from, to } = this.rowExtent(row);
    return { type: 'tableRow', children: cells, position: this.lines.position(from, to) };
  }

  private rowExtent(row: SyntaxNode): { from: number; to: number } {
    const line = this.lines.lineOf(row.from);
    const lineStart = this.lines.lineStart(row.from);
    const text = this.lines.lineText(line);
    // A row that micromark may read as the start of another block (indented code, a quote, a
    // list item, a heading, a fence, HTML) ends the table there; lezer may keep it as a row.
    if (/^(?:\t| {4}|[ \t]*(?:[>#<`~]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)))/.test(text)) throw HAND_BACK;
    let from = lineStart;
    while (isSpace(this.source.charCodeAt(from))) from++;
    return { from, to: lineStart + text.length };
  }

  /**
   * A row's cells: each from the pipe before it (or the row's start) to the next pipe, the last
   * to the row's end (a closing pipe and trailing spaces included).
   */
  private cellSpans(row: SyntaxNode, contents: readonly SyntaxNode[]): { from: number; to: number }[] {
    const { from, to } = this.rowExtent(row);
    const text = this.source.slice(from, to);
    // An escaped pipe is read differently by lezer and micromark.
    if (text.includes('\\|')) throw HAND_BACK;
    const pipes: number[] = [];
    for (let at = text.indexOf('|'); at >= 0; at = text.indexOf('|', at + 1)) pipes.push(from + at);
    const starts = pipes[0] === from ? [...pipes] : [from, ...pipes];
    const lastPipe = pipes[pipes.length - 1];
    // A closing pipe (nothing but spaces after it) ends the last cell rather than starting one.
    if (lastPipe !== undefined && starts.length > 1 && this.source.slice(lastPipe + 1, to).trim() === '') starts.pop();
    const spans = starts.map((start, index) => ({ from: start, to: starts[index + 1] ?? to }));
    if (contents.some((cell) => !spans.some((span) => cell.from >= span.from && cell.to <= span.to))) throw HAND_BACK;
    return spans;
  }

  private atxHeading(node: SyntaxNode): RootContent {
    const depth = Number(node.name.slice(-1)) as 1 | 2 | 3 | 4 | 5 | 6;
    const open = node.firstChild;
    const last = node.lastChild;
    const close = last && open && last.from !== open.from && last.name === 'HeaderMark' ? last : undefined;
    let start = open ? open.to : node.from;
    const limit = close ? close.from : node.to;
    while (start < limit && isSpace(this.source.charCodeAt(start))) start++;
    const end = trimEnd(this.source, start, limit);
    return {
      type: 'heading',
      depth,
      children: this.phrasing.phrasingOf(node, start, end),
      position: this.lines.position(node.from, node.to),
    };
  }

  private fencedCode(node: SyntaxNode): RootContent {
    const lineStart = this.lines.lineStart(node.from);
    const indent = node.from - lineStart;
    const fence = node.firstChild;
    const firstLineEnd = this.source.indexOf('\n', node.from);
    const infoText = fence
      ? this.source.slice(fence.to, firstLineEnd < 0 ? this.source.length : firstLineEnd).replace(/^[ \t]+/, '')
      : '';
    // Escapes and entities in the info string are decoded by remark.
    if (/[\\&]/.test(infoText) || (indent > 0 && /\n {0,3}\t/.test(this.source.slice(lineStart, node.to))))
      throw HAND_BACK;
    // The language is the first word; the rest, trailing spaces kept, is the meta.
    const info = /^(\S+)(?:[ \t]+([\s\S]*))?$/.exec(infoText);
    const lang = info?.[1] ?? null;
    const meta = info?.[2] || null;
    const marks = node.getChildren('CodeMark');
    const closed = marks.length > 1;
    const firstLine = this.lines.lineOf(node.from) + 1;
    const lastLine = closed ? this.lines.lineOf(node.to) - 1 : this.lines.lineOf(node.to);
    const lines: string[] = [];
    for (let line = firstLine; line <= lastLine; line++) lines.push(stripIndent(this.lines.lineText(line), indent));
    // An unclosed fence running to the end keeps no final empty line.
    if (!closed && lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return { type: 'code', lang, meta, value: lines.join('\n'), position: this.lines.position(node.from, node.to) };
  }

  private indentedCode(node: SyntaxNode): RootContent {
    const start = this.lines.lineStart(node.from);
    const raw = this.source.slice(start, node.to);
    // Tabs, and blank lines of spaces after the code (micromark keeps them), are remark's to read.
    if (raw.includes('\t') || this.spacesOnlyLineAfter(node.to)) throw HAND_BACK;
    const value = raw
      .split('\n')
      .map((line) => stripIndent(line, 4))
      .join('\n');
    return { type: 'code', lang: null, meta: null, value, position: this.lines.position(start, node.to) };
  }

  /** Whether a line of only spaces or tabs comes after `from` before the next line with text. */
  private spacesOnlyLineAfter(from: number): boolean {
    const source = this.source;
    for (let at = source.indexOf('\n', from); at >= 0;) {
      let end = source.indexOf('\n', at + 1);
      if (end < 0) end = source.length;
      const line = source.slice(at + 1, end);
      if (line.trim() !== '') return false;
      if (line.length > 0) return true;
      at = end < source.length ? end : -1;
    }
    return false;
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

function alignment(delimiter: string): AlignType {
  const cell = delimiter.replace(/^\|/, '').trim();
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** Removes up to `columns` leading spaces. */
function stripIndent(line: string, columns: number): string {
  let cut = 0;
  while (cut < columns && line.charCodeAt(cut) === 32) cut++;
  return line.slice(cut);
}
