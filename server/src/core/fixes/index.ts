import type { CardDiagnostic, Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { Fix } from './fix';
import { configFixes } from './configFixes';
import { linkFixes } from './linkFixes';
import { listRefactors } from './listRefactor';
import { metadataFixes } from './metadataFixes';
import { provenanceFixes } from './provenanceFixes';
import { sectionFixes } from './sectionFixes';

export type { Fix, TextEditSpan } from './fix';
/** "Disable CODE for this line / file": listed by hosts after quickFixes (which repair). */
export { disableFixes } from './disableFixes';

/** Quick-fixes for one of our diagnostics on this document version. */
export function quickFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  return [
    ...metadataFixes(doc, diagnostic),
    ...sectionFixes(doc, diagnostic),
    ...configFixes(doc, diagnostic),
    ...provenanceFixes(doc, diagnostic),
    ...linkFixes(doc, diagnostic),
  ];
}

/** Rewrites offered at a place in the document, independent of diagnostics. */
export function refactorsAt(doc: ParsedDocument, span: Span): Fix[] {
  return listRefactors(doc, span);
}
