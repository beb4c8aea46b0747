import type { ParsedDocument } from '../document/parsedDocument';
import { lineBreak, type TextEditSpan } from './fix';

/**
 * An edit appending a section (heading one level below the card's title, then `body` lines) at
 * the end of the card, after its last text, with the file's own line breaks.
 */
export function appendSection(doc: ParsedDocument, heading: string, body: readonly string[]): TextEditSpan {
  const eol = lineBreak(doc);
  const text = doc.text.text;
  const bodyStart = doc.frontMatter.body.start;
  let end = text.length;
  while (end > bodyStart && /\s/.test(text[end - 1] ?? '')) end--;
  // After existing text: a blank line. In an empty body: nothing, unless the closing fence has
  // no line break of its own (then the heading must not join it).
  const atLineStart = end === 0 || text[end - 1] === '\n' || text[end - 1] === '\r';
  const lead = end > bodyStart ? `${eol}${eol}` : atLineStart ? '' : eol;
  const marks = '#'.repeat(Math.min((doc.markdown.title?.heading.level ?? 1) + 1, 6));
  const section = [`${marks} ${heading}`, ...(body.length > 0 ? ['', ...body] : [])].join(eol);
  return { span: { start: end, end: text.length }, newText: `${lead}${section}${eol}` };
}
