import { isMap, isScalar } from 'yaml';
import { keyText } from '../document/yamlTree';
import { closestMatches, didYouMean } from '../suggest';
import { DEPRECATED_KEYS } from './deprecatedRules';
import { cardSchemaId } from './metadata';
import type { RuleFamily } from './rule';

/**
 * The Hub accepts any extra key, so an unknown key is only reported when it is very likely a typo
 * of a known one (`licence`, `pipline_tag`, `Library_Name`): then the intended field is silently
 * missing, which is worse than a warning.
 */
export const unknownKeyRules: RuleFamily = {
  name: 'unknown-key',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    { code: 'unknown-key', severity: 'warning', summary: 'A metadata key that looks like a typo of a known key.' },
  ],
  check({ doc, schemas, report }) {
    const tree = doc.yaml;
    const root = tree?.root;
    const schemaId = cardSchemaId(doc.kind);
    if (!tree || !isMap(root) || !schemaId) return;
    const known = Object.keys((schemas.schema(schemaId)?.properties as object | undefined) ?? {});
    for (const pair of root.items) {
      const key = keyText(pair);
      if (!isScalar(pair.key) || known.includes(key) || key in DEPRECATED_KEYS) continue;
      const suggestions = closestMatches(
        key,
        known.filter((candidate) => !(candidate in DEPRECATED_KEYS)),
      );
      if (suggestions.length === 0) continue;
      report({
        code: 'unknown-key',
        span: tree.spanOf(pair.key),
        message: `"${key}" is not a metadata key the Hub knows, so it will be ignored.${didYouMean(suggestions)}`,
        data: { key, suggestions },
      });
    }
  },
};
