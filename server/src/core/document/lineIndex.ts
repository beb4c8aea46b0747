import type { Point, Position } from 'unist';

/** Line starts of a `\n`-separated text, for mdast points (1-based line and column) and line slices. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** The 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  lineStart(offset: number): number {
    return this.starts[this.lineOf(offset)] ?? 0;
  }

  /** Where the line holding `offset` ends (before its line break). */
  lineEnd(offset: number): number {
    const next = this.starts[this.lineOf(offset) + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** Line `line` (0-based) without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  point(offset: number): Point {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
