import { isMap } from 'yaml';
import { keyText } from '../document/yamlTree';
import { readableMetadata, stringItems } from './metadata';
import type { RuleFamily } from './rule';

/** `license: other` tells a reader nothing until `license_name` and `license_link` say which. */
export const licenseRules: RuleFamily = {
  name: 'license',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'license-other-incomplete',
      severity: 'warning',
      summary: '`license: other` without `license_name` and `license_link`.',
    },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    const metadata = readableMetadata(doc);
    if (!tree || !metadata || !isMap(tree.root)) return;
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
