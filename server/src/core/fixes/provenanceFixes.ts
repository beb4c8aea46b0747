import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { pinRevisionEdits } from '../provenance/revisionDrift';
import type { Fix } from './fix';

/**
 * Fixes for the drift codes. None is preferred: each accepts the run's or the file's word over
 * the card's, which only the author can decide, so none is applied by "Fix all" or on save.
 */
export function provenanceFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  const data = diagnostic.data;
  const span = { start: doc.text.offsetAt(diagnostic.range.start), end: doc.text.offsetAt(diagnostic.range.end) };
  switch (diagnostic.code) {
    case 'run-config-changed':
      if (typeof data.sha256 !== 'string') return [];
      return [
        {
          title: 'Record the new hash',
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ span, newText: data.sha256 }],
        },
      ];
    case 'run-metric-mismatch':
      if (typeof data.runValue !== 'number') return [];
      return [
        {
          title: `Use the run's value (${data.runValue})`,
          kind: 'quickfix',
          isPreferred: false,
          edits: [{ span, newText: String(data.runValue) }],
        },
      ];
    case 'revision-unpinned': {
      const { kind, id, revision } = data;
      if ((kind !== 'dataset' && kind !== 'base_model') || typeof id !== 'string' || typeof revision !== 'string') {
        return [];
      }
      const edits = pinRevisionEdits(doc, kind, id, revision);
      const title = `Pin ${id} to ${revision.slice(0, 12)} (from the linked ${data.source === 'config' ? 'config' : 'run'})`;
      return edits.length > 0 ? [{ title, kind: 'quickfix', isPreferred: false, edits }] : [];
    }
    default:
      return [];
  }
}
