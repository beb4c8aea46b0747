import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, Span } from '../diagnostic';

const BOM = '\uFEFF';

/**
 * The text of one document version with offset <-> position conversion. A leading BOM is dropped,
 * as VS Code does when it opens a file, so that columns agree between the editor and the CLI.
 */
export class TextModel {
  readonly text: string;
  readonly hadBom: boolean;
  private readonly lines: TextDocument;

  constructor(rawText: string) {
    this.hadBom = rawText.startsWith(BOM);
    this.text = this.hadBom ? rawText.slice(1) : rawText;
    this.lines = TextDocument.create('cardwright:text', 'plaintext', 0, this.text);
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** The span of line `line` without its line break. */
  lineSpan(line: number): Span {
    const start = this.offsetAt({ line, character: 0 });
    let end = line + 1 < this.lineCount ? this.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { start, end };
  }
}
