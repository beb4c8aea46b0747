import type { SyntaxNode } from '@lezer/common';
import type { AlignType, RootContent, TableCell, TableRow } from 'mdast';
import { HAND_BACK, type PhrasingReader } from './fastMarkdownInline';
import { isSpace } from './fastMarkdownText';
import type { LineIndex } from './lineIndex';

/**
 * GFM tables for the fast Markdown path (see fastMarkdown.ts): rows and cells as remark gives
 * them, from lezer's Table node, or HAND_BACK where micromark may read the lines otherwise.
 */
export class TableReader {
  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly phrasing: PhrasingReader,
  ) {}

  table(node: SyntaxNode): RootContent {
    const rows: TableRow[] = [];
    let align: AlignType[] = [];
    let end = node.from;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'TableDelimiter') {
        const extent = this.rowExtent(child);
        align = this.cellSpans(extent, []).map(({ from, to }) => alignment(this.source.slice(from, to)));
        end = extent.to;
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
    const extent = this.rowExtent(row);
    for (const span of this.cellSpans(extent, contents)) {
      const content = contents.find((cell) => cell.from >= span.from && cell.to <= span.to);
      const children = content ? this.phrasing.phrasingOf(content, content.from, content.to) : [];
      cells.push({ type: 'tableCell', children, position: this.lines.position(span.from, span.to) });
    }
    return { type: 'tableRow', children: cells, position: this.lines.position(extent.from, extent.to) };
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
  private cellSpans(
    { from, to }: { from: number; to: number },
    contents: readonly SyntaxNode[],
  ): { from: number; to: number }[] {
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
}

function alignment(delimiter: string): AlignType {
  const cell = delimiter.replace(/^\|/, '').trim();
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}
