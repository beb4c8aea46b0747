import type { Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';

export interface TextEditSpan {
  span: Span;
  newText: string;
}

/** A code action the editor can apply: pure data, converted to a WorkspaceEdit by the server. */
export interface Fix {
  title: string;
  edits: TextEditSpan[];
  /** `quickfix` fixes a diagnostic; `refactor.rewrite` reshapes valid text. */
  kind: 'quickfix' | 'refactor.rewrite';
  /** The fix VS Code applies with "Auto Fix" (the one obvious repair). */
  isPreferred?: boolean;
}

/** The document's line break, so inserted lines match the file (CRLF files stay CRLF). */
export function lineBreak(doc: ParsedDocument): string {
  return doc.text.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** Offset just past the line break of the line holding `offset` (or the end of the text). */
export function nextLineStartOf(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return Math.min(end + 1, text.length);
}

/** Offset of the end of the line holding `offset` (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/**
 * An edit giving the empty key at `keyEnd` (`seed:` or `seed: # note`) a value: inserted right
 * after the colon with a space, so any comment stays a comment.
 */
export function fillEmptyValue(text: string, keyEnd: number, value: string): TextEditSpan | undefined {
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || text.slice(keyEnd, colon).trim() !== '') return undefined;
  const after = text[colon + 1];
  const spaced = after === ' ' || after === '\t';
  return {
    span: { start: colon + 1, end: colon + 1 },
    newText: ` ${value}${spaced || after === undefined || after === '\n' || after === '\r' ? '' : ' '}`,
  };
}

const PLAIN_SAFE = /^[A-Za-z0-9_./+<>()-][^:#,[\]{}"'\n]*$/;
const LOOKS_TYPED = /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[\da-f]+)$/i;

/** A YAML scalar for `value`: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'string') {
    if (PLAIN_SAFE.test(value) && !LOOKS_TYPED.test(value) && value.trim() === value) return value;
    return JSON.stringify(value);
  }
  if (value === undefined) return '""';
  return JSON.stringify(value);
}

/** Replacement text for a scalar, keeping the quote style the author used. */
export function replacementFor(original: string, value: string): string {
  const quote = original[0];
  if ((quote === '"' || quote === "'") && original.endsWith(quote)) {
    return quote === '"' ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
  }
  return yamlScalar(value);
}
