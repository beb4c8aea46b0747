import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { appendSection } from './appendSection';
import type { Fix } from './fix';

/**
 * `section-missing`: append the concept's heading with the question it answers as a comment,
 * one level below the card's title, at the end of the card (where template sections go).
 */
export function sectionFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  if (diagnostic.code !== 'section-missing') return [];
  const { heading, question } = diagnostic.data as { heading?: string; question?: string };
  if (typeof heading !== 'string') return [];
  const body = typeof question === 'string' ? [`<!-- Say ${question}. -->`] : [];
  return [
    {
      title: `Add a "${heading}" section`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [appendSection(doc, heading, body)],
    },
  ];
}
