import type { SyntaxNode } from '@lezer/common';
import type { BlockContent, RootContent } from 'mdast';
import { HAND_BACK, type PhrasingReader } from './fastMarkdownInline';
import { isSpace } from './fastMarkdownText';
import type { TableReader } from './fastMarkdownTables';
import type { LineIndex } from './lineIndex';

/**
 * The block half of the fast Markdown path (see fastMarkdown.ts): one of lezer's blocks as
 * remark's mdast, HAND_BACK where micromark may read its lines otherwise, DECLINE where only a
 * reading of the whole document can tell.
 */

/** Thrown where remark's reading depends on context a block alone does not show: remark parses the document. */
export const DECLINE = Symbol('decline');

/** CommonMark's block-level tag names: a line starting with one starts an HTML block (its kind 6). */
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/**
 * A line holding one complete tag and nothing else, as micromark reads tags (an unquoted
 * attribute value ends at `/` there): an HTML block of kind 7.
 */
export const LONE_TAG_LINE =
  /^[ \t]{0,3}(?:<[A-Za-z][A-Za-z\d-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n"'=<>`/]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z\d-]*[ \t]*>)[ \t]*$/;

/** HTML blocks both parsers read alike: comments, block-level tags (kinds 2 and 6). */
export const COMMENT_OR_BLOCK_TAG = new RegExp(
  `^[ \\t]{0,3}(?:<!--|<\\/?(?:${BLOCK_TAG_NAMES})(?:[ \\t>]|\\/>|$))`,
  'i',
);

/** Whatever else starts an HTML block: `<?`, `<!X`, CDATA, and the raw-text tags (kinds 1, 3 to 5). */
export const OTHER_HTML_START = /^[ \t]{0,3}<(?:\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[ \t>]|$))/i;

export class BlockReader {
  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly phrasing: PhrasingReader,
    private readonly tables: TableReader,
  ) {}

  block(node: SyntaxNode, nested: boolean): RootContent | undefined {
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
        const firstLine = this.source.slice(from, this.lines.lineEnd(from));
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
        return this.tables.table(node);
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
      this.startsHtml(this.source.slice(from, Math.min(to, this.lines.lineEnd(from)))) ||
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
      // Inside a list lezer lets any ordered item break a paragraph; CommonMark only one numbered 1.
      const before = child.prevSibling;
      if (child.name === 'OrderedList' && before?.name === 'Paragraph' && !this.startsAtOne(child)) {
        if (!/\n[ \t>]*\n/.test(this.source.slice(before.to, child.from))) throw HAND_BACK;
      }
      const converted = this.block(child, true);
      if (converted) out.push(converted as BlockContent);
    }
    return out;
  }

  private startsAtOne(list: SyntaxNode): boolean {
    const mark = list.firstChild?.getChild('ListMark');
    return !!mark && Number.parseInt(this.source.slice(mark.from, mark.to), 10) === 1;
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
    // White space other than spaces and tabs: remark's to split.
    if (/[^\S \t]/.test(infoText)) throw HAND_BACK;
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

/** Before trailing spaces, tabs and line breaks (micromark trims no other white space). */
function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[ \t\n]/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** Removes up to `columns` leading spaces. */
function stripIndent(line: string, columns: number): string {
  let cut = 0;
  while (cut < columns && line.charCodeAt(cut) === 32) cut++;
  return line.slice(cut);
}
