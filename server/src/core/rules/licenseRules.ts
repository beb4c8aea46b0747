import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText } from '../document/yamlTree';
import { closestMatches } from '../suggest';
import { readableMetadata, spanForKey, stringItems } from './metadata';
import type { Finding, RuleFamily } from './rule';

/**
 * `license: other` tells a reader nothing until `license_name` and `license_link` say which; a
 * model card with no licence at all (no key, or `license: []`) gets none on the Hub.
 */
export const licenseRules: RuleFamily = {
  name: 'license',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'license-other-incomplete',
      severity: 'warning',
      summary: '`license: other` without `license_name` and `license_link`.',
    },
    {
      code: 'license-missing',
      severity: 'warning',
      summary: 'A model card whose metadata names no licence (no `license` key, or `license: []`).',
    },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    const metadata = readableMetadata(doc);
    if (!tree || !metadata || !isMap(tree.root)) return;
    if (doc.kind === 'model-card') checkMissing(doc, report);
    const other = stringItems(tree, ['license']).find((item) => item.value === 'other');
    if (!other) return;
    const keys = new Set(tree.root.items.map(keyText));
    const missing = ['license_name', 'license_link'].filter((key) => !keys.has(key) || metadata[key] === undefined);
    if (missing.length === 0) return;
    report({
      code: 'license-other-incomplete',
      span: other.span,
      message: `With "license: other", the Hub asks for ${missing.map((key) => `"${key}"`).join(' and ')}: name the license (a short id such as "my-license-1.0") and link to its text (LICENSE, LICENSE.md or a URL).`,
      data: { missing },
    });
  },
};

/**
 * No `license` key, or an empty list. A key with no value at all is
 * left to empty-value, and a card without metadata to front-matter-missing.
 */
function checkMissing(doc: ParsedDocument, report: (finding: Finding) => void): void {
  const tree = doc.yaml;
  if (!tree || !isMap(tree.root)) return;
  const pair = tree.root.items.find((item) => keyText(item) === 'license');
  // The deprecated `licenses` (deprecated) or a misspelt `licence` (unknown-key) is reported with
  // its rename: the licence is there, under the wrong key.
  if (!pair && tree.root.items.some((item) => closestMatches(keyText(item), ['license']).length > 0)) return;
  const value = pair?.value as Node | null | undefined;
  if (pair && (value === null || value === undefined || (isScalar(value) && value.value === null))) return;
  // `license: ""` is not in the Hub's list: schema-enum reports it.
  const empty = isSeq(value) && value.items.length === 0;
  if (pair && !empty) return;
  const why = 'the Hub shows no licence on the model page, and users cannot tell whether they may use the model';
  report({
    code: 'license-missing',
    span: value && empty ? tree.spanOf(value) : spanForKey(tree, ['license']),
    message: pair
      ? `"license" is empty: ${why}. Name it with an id from the Hub's list (e.g. "apache-2.0"), or "other" with "license_name" and "license_link".`
      : `The metadata has no "license": ${why}. Add one with an id from the Hub's list (e.g. "license: apache-2.0"), or "license: other" with "license_name" and "license_link".`,
    data: { missing: !pair },
  });
}
