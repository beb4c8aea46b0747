import type { Span } from '../diagnostic';

/**
 * Where the YAML front matter of a Markdown card is. Offsets index the BOM-less text.
 *
 * - `missing`: the text does not start with a `---` line.
 * - `unclosed`: it starts with `---` but no closing `---` line follows; the Hub then treats the
 *   whole file as Markdown, so `body` is everything after the opening line.
 * - `closed`: `content` holds the YAML between the two fence lines (possibly empty).
 */
export type FrontMatterSplit =
  | { state: 'missing'; body: Span }
  | { state: 'unclosed'; open: Span; content: Span; body: Span }
  | { state: 'closed'; open: Span; content: Span; close: Span; body: Span };

/** A fence line: `---` followed only by spaces or tabs. */
const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstLineEnd = lineEnd(text, 0);
  if (!FENCE.test(text.slice(0, firstLineEnd))) {
    return { state: 'missing', body: { start: 0, end: text.length } };
  }
  const open = { start: 0, end: firstLineEnd };
  const contentStart = nextLineStart(text, firstLineEnd);
  let lineStart = contentStart;
  while (lineStart < text.length) {
    const end = lineEnd(text, lineStart);
    if (FENCE.test(text.slice(lineStart, end))) {
      const bodyStart = nextLineStart(text, end);
      return {
        state: 'closed',
        open,
        content: { start: contentStart, end: lineStart },
        close: { start: lineStart, end },
        body: { start: bodyStart, end: text.length },
      };
    }
    lineStart = nextLineStart(text, end);
  }
  return {
    state: 'unclosed',
    open,
    content: { start: contentStart, end: text.length },
    body: { start: contentStart, end: text.length },
  };
}

/** Offset of the line break (or end of text) of the line starting at `from`. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return text.length;
}

/** Offset just after the line break at `end` (CRLF, LF or lone CR). */
function nextLineStart(text: string, end: number): number {
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return Math.min(end + 1, text.length);
}
