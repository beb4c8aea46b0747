import { parse, stringify } from 'yaml';
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

/** One line whatever the value: no folding, no block scalars. */
const ONE_LINE = { lineWidth: 0, minContentWidth: 0 } as const;

/** Whether `text` reads back as `value` under YAML 1.1 (PyYAML) and 1.2 (the Hub), in block and in flow context. */
function readsBack(text: string, value: unknown): boolean {
  const expected = JSON.stringify(value);
  for (const version of ['1.1', '1.2'] as const) {
    for (const [source, unwrap] of [
      [text, (parsed: unknown) => parsed],
      [`[${text}]`, (parsed: unknown) => (Array.isArray(parsed) ? parsed[0] : undefined)],
    ] as const) {
      try {
        const parsed = unwrap(parse(source, { version, prettyErrors: false }) as unknown);
        if (JSON.stringify(parsed) !== expected || typeof parsed !== typeof value) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
}

/**
 * A YAML scalar (or flow collection) for `value`, written by the \`yaml\` library: plain when that
 * reads back as the same value for every YAML reader and in any context a fix writes it to (after
 * \`key: \`, after \`- \`, inside \`{...}\`), else double-quoted on one line. So \`- x\`, \`> folded\`,
 * \`0o17\`, \`.inf\`, \`yes\` or \`1e3\` stay strings.
 */
export function yamlScalar(value: unknown): string {
  if (value === undefined) return '""';
  const plain = stringify(value, { ...ONE_LINE, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd();
  if (!plain.includes('\n') && readsBack(plain, value)) return plain;
  if (typeof value !== 'string') return JSON.stringify(value);
  return stringify(value, { ...ONE_LINE, defaultStringType: 'QUOTE_DOUBLE', doubleQuotedAsJSON: true }).trimEnd();
}

/** Replacement text for a scalar, keeping the quote style the author used. */
export function replacementFor(original: string, value: string): string {
  const quote = original[0];
  if (quote === '"' && original.endsWith(quote)) {
    return stringify(value, { ...ONE_LINE, defaultStringType: 'QUOTE_DOUBLE', doubleQuotedAsJSON: true }).trimEnd();
  }
  if (quote === "'" && original.endsWith(quote) && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value);
}
