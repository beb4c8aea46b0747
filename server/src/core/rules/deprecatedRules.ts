import { isMap, isScalar } from 'yaml';
import licenseTable from '../../../../schemas/data/licenses.schema.json';
import { keyText } from '../document/yamlTree';
import { hubPath } from '../schemas/messages';
import { cardSchemaId, stringItems } from './metadata';
import type { RuleContext, RuleFamily } from './rule';

const LICENSE_IDS: ReadonlySet<string> = new Set(licenseTable.enum);

/** Pipeline tags the Hub retired, with the tag to use instead. */
export const DEPRECATED_PIPELINE_TAGS: Record<string, string> = {
  conversational: 'text-generation',
  'text2text-generation': 'text-generation',
};

/** Deprecated keys with their replacement (the old plural spellings of the Hub's metadata). */
export const DEPRECATED_KEYS: Record<string, string> = {
  languages: 'language',
  licenses: 'license',
};

/** Metadata the Hub still reads but has retired: old key spellings and pipeline tags. */
export const deprecatedRules: RuleFamily = {
  name: 'deprecated',
  kinds: ['model-card', 'dataset-card'],
  codes: [{ code: 'deprecated', severity: 'warning', summary: 'A deprecated metadata key or value.' }],
  check({ doc, schemas, report }) {
    const tree = doc.yaml;
    const root = tree?.root;
    if (!tree || !isMap(root)) return;
    const schemaId = cardSchemaId(doc.kind);
    const properties = (schemaId ? schemas.schema(schemaId)?.properties : undefined) as
      Record<string, { deprecated?: boolean; deprecationMessage?: string }> | undefined;
    const keys = new Set(root.items.map(keyText));
    for (const pair of root.items) {
      const key = keyText(pair);
      const replacement = DEPRECATED_KEYS[key];
      const schemaSaysDeprecated = properties?.[key]?.deprecated === true;
      if (isScalar(pair.key) && (replacement || schemaSaysDeprecated)) {
        const both = replacement !== undefined && keys.has(replacement);
        report({
          code: 'deprecated',
          span: tree.spanOf(pair.key),
          message: replacement
            ? `"${key}" is deprecated: use "${replacement}"${both ? ` (this card has both: merge them into "${replacement}")` : ''}.`
            : (properties?.[key]?.deprecationMessage ?? `"${key}" is deprecated.`),
          data: { key, ...(replacement ? { replacement } : {}) },
        });
      }
      if (key === 'licenses') reportRefusedAfterRename(tree, report);
      if (key === 'pipeline_tag' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        const tag = pair.value.value;
        const newTag = DEPRECATED_PIPELINE_TAGS[tag];
        if (newTag) {
          report({
            code: 'deprecated',
            span: tree.spanOf(pair.value),
            message: `The pipeline tag "${tag}" is deprecated on the Hub: use "${newTag}".`,
            data: { key, value: tag, replacement: newTag },
          });
        }
      }
    }
  },
};

/**
 * The Hub no longer reads `licenses`, so its values are refused by nobody today; once the key is
 * renamed to `license` an id outside the table will be. Said as a warning on the value, never an
 * error: nothing is refused yet.
 */
function reportRefusedAfterRename(tree: NonNullable<RuleContext['doc']['yaml']>, report: RuleContext['report']): void {
  for (const item of stringItems(tree, ['licenses'])) {
    if (LICENSE_IDS.has(item.value)) continue;
    report({
      code: 'deprecated',
      span: item.span,
      message: `"${hubPath(item.path)}" with value "${item.value}" is not a Hub license id: once "licenses" is renamed to "license" the Hub will refuse it. Use an id from the license table, or "other" with license_name and license_link.`,
      data: { key: 'licenses', value: item.value, path: item.path },
    });
  }
}
