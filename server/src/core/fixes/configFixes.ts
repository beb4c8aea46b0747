import { isMap, isScalar } from 'yaml';
import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { PathSegment } from '../document/yamlTree';
import { insertKey } from './metadataFixes';
import { fillEmptyValue, lineBreak, lineStartOf, type Fix } from './fix';

/**
 * `config-no-seed`: set the seed in the format's own key (`seed`, `seed_everything`), replacing
 * a `null`/`true` value or adding the key.
 */
export function configFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  const tree = doc.yaml;
  if (diagnostic.code !== 'config-no-seed' || !tree) return [];
  const key = typeof diagnostic.data.key === 'string' ? diagnostic.data.key : 'seed';
  const prefix = (Array.isArray(diagnostic.data.prefix) ? diagnostic.data.prefix : []) as PathSegment[];
  const value = typeof diagnostic.data.value === 'number' ? diagnostic.data.value : 42;
  const title = `Set ${key}: ${value}`;
  const existing = tree.locate([...prefix, key]);
  if (existing?.value && existing.value.end > existing.value.start) {
    return [{ title, kind: 'quickfix', isPreferred: true, edits: [{ span: existing.value, newText: String(value) }] }];
  }
  if (existing?.key) {
    const edit = fillEmptyValue(doc.text.text, existing.key.end, String(value));
    return edit ? [{ title, kind: 'quickfix', isPreferred: true, edits: [edit] }] : [];
  }
  if (prefix.length > 0) {
    const edit = insertKey(doc, tree, prefix, `${key}: ${value}`);
    return edit ? [{ title, kind: 'quickfix', isPreferred: true, edits: [edit] }] : [];
  }
  // At the top of the file, where a reader looks for it.
  const root = tree.root;
  const first = isMap(root) ? root.items[0]?.key : undefined;
  const at = isScalar(first) ? lineStartOf(doc.text.text, tree.spanOf(first).start) : 0;
  return [
    {
      title,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ span: { start: at, end: at }, newText: `${key}: ${value}${lineBreak(doc)}` }],
    },
  ];
}
