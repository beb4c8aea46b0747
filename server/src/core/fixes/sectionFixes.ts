import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { lineBreak, type Fix } from './fix';

/**
 * `section-missing`: append the concept's heading with the question it answers as a comment,
 * one level below the card's title, at the end of the card (where template sections go).
 */
export function sectionFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  if (diagnostic.code !== 'section-missing') return [];
  const { heading, question } = diagnostic.data as { heading?: string; question?: string };
  if (typeof heading !== 'string') return [];
  const eol = lineBreak(doc);
  const text = doc.text.text;
  const titleLevel = doc.markdown.title?.heading.level ?? 1;
  const marks = '#'.repeat(Math.min(titleLevel + 1, 6));
  let end = text.length;
  while (end > doc.frontMatter.body.start && /\s/.test(text[end - 1] ?? '')) end--;
  const comment = typeof question === 'string' ? `${eol}${eol}<!-- Say ${question}. -->` : '';
  const atLineStart = end === 0 || text[end - 1] === '\n' || text[end - 1] === '\r';
  const lead = end > doc.frontMatter.body.start ? `${eol}${eol}` : atLineStart ? '' : eol;
  return [
    {
      title: `Add a "${heading}" section`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ span: { start: end, end: text.length }, newText: `${lead}${marks} ${heading}${comment}${eol}` }],
    },
  ];
}
