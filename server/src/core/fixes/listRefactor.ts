import { isMap, isScalar } from 'yaml';
import type { Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText } from '../document/yamlTree';
import { lineBreak, lineStartOf, type Fix } from './fix';

/** Keys the Hub reads as lists but also accepts as one string. */
export const LIST_KEYS = ['language', 'license', 'tags', 'datasets', 'metrics', 'base_model'];

/**
 * `language: en` -> `language:\n- en`: offered where the cursor is on such a key with a single
 * value. Not a diagnostic (the Hub accepts both), a rewrite for consistency with the templates.
 */
export function listRefactors(doc: ParsedDocument, at: Span): Fix[] {
  const tree = doc.yaml;
  const root = tree?.root;
  if (!tree || !isMap(root)) return [];
  const text = doc.text.text;
  const fixes: Fix[] = [];
  for (const pair of root.items) {
    const key = keyText(pair);
    if (!LIST_KEYS.includes(key) || !isScalar(pair.key) || !isScalar(pair.value) || pair.value.value == null) continue;
    const keySpan = tree.spanOf(pair.key);
    const valueSpan = tree.spanOf(pair.value);
    if (at.end < keySpan.start || at.start > valueSpan.end) continue;
    const indent = ' '.repeat(keySpan.start - lineStartOf(text, keySpan.start));
    const valueText = text.slice(valueSpan.start, valueSpan.end);
    fixes.push({
      title: `Write "${key}" as a list`,
      kind: 'refactor.rewrite',
      edits: [
        { span: { start: keySpan.end, end: valueSpan.end }, newText: `:${lineBreak(doc)}${indent}- ${valueText}` },
      ],
    });
  }
  return fixes;
}
