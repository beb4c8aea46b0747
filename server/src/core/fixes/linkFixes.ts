import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { Fix } from './fix';

/**
 * `link-broken` on an address written without its scheme: add it (`mailto:team@example.org`,
 * `https://www.example.org`). The finding is on the destination as written, so the edit replaces
 * exactly that; nothing is offered when the text there changed since.
 */
export function linkFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  if (diagnostic.code !== 'link-broken') return [];
  const { suggestion, target } = diagnostic.data;
  if (typeof suggestion !== 'string' || typeof target !== 'string') return [];
  const span = { start: doc.text.offsetAt(diagnostic.range.start), end: doc.text.offsetAt(diagnostic.range.end) };
  if (doc.text.text.slice(span.start, span.end).trim() !== target) return [];
  return [
    { title: `Change to "${suggestion}"`, kind: 'quickfix', isPreferred: true, edits: [{ span, newText: suggestion }] },
  ];
}
