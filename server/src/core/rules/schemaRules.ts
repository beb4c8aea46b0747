import { describeIssue } from '../schemas/messages';
import type { JsonSchema, SchemaRegistry } from '../schemas/registry';
import { branchTypes, validateData, type SchemaIssue } from '../schemas/validate';
import { DEPRECATED_PIPELINE_TAGS } from './deprecatedRules';
import { cardSchemaId, readableMetadata, spanForKey, spanForValue } from './metadata';
import type { RuleFamily } from './rule';

/** Card metadata against the bundled Hub schemas, with the Hub's wording and paths. */
export const schemaRules: RuleFamily = {
  name: 'schema',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    { code: 'schema-type', severity: 'error', summary: 'A metadata value has the wrong type.' },
    { code: 'schema-enum', severity: 'error', summary: 'A metadata value is not one of the allowed values.' },
    { code: 'schema-required', severity: 'error', summary: 'A required metadata key is missing.' },
    {
      code: 'schema-constraint',
      severity: 'error',
      summary: 'A metadata value breaks a schema constraint (pattern, range, format...).',
    },
  ],
  check({ doc, schemas, report }) {
    const schemaId = cardSchemaId(doc.kind);
    const data = readableMetadata(doc);
    const tree = doc.yaml;
    if (!schemaId || !data || !tree) return;
    for (const issue of validateData(schemas, schemaId, data)) {
      if (isReportedElsewhere(issue)) continue;
      const described = describeIssue(issue);
      const onKey = issue.keyword === 'required' || issue.keyword === 'additionalProperties';
      report({
        code: described.code,
        span: onKey ? spanForKey(tree, issue.path) : spanForValue(tree, issue.path),
        message: described.message,
        severity: described.severity,
        data: {
          path: issue.path,
          keyword: issue.keyword,
          ...(described.suggestions?.length ? { suggestions: described.suggestions } : {}),
          ...(issue.keyword === 'required' ? requiredKeyFacts(issue, schemas) : {}),
        },
      });
    }
  },
};

/** Deprecated pipeline tags get one `deprecated` finding instead of an enum error on top. */
function isReportedElsewhere(issue: SchemaIssue): boolean {
  return (
    (issue.keyword === 'enum' || issue.keyword === 'type') &&
    issue.path.length === 1 &&
    issue.path[0] === 'pipeline_tag' &&
    typeof issue.value === 'string' &&
    issue.value in DEPRECATED_PIPELINE_TAGS
  );
}

/** The missing key's default and JSON type, for the "add key" quick-fix. */
function requiredKeyFacts(issue: SchemaIssue, schemas: SchemaRegistry): { default?: unknown; type?: string } {
  const key = issue.path[issue.path.length - 1];
  const properties = issue.schema.properties as Record<string, JsonSchema> | undefined;
  const property = typeof key === 'string' ? properties?.[key] : undefined;
  if (!property) return {};
  const resolved = schemas.resolve(property) ?? property;
  const branches = [resolved, ...((resolved.anyOf as JsonSchema[] | undefined) ?? [])];
  const type = branches.map((branch) => branchTypes(schemas.resolve(branch) ?? branch)[0]).find(Boolean);
  return { ...(resolved.default !== undefined ? { default: resolved.default } : {}), ...(type ? { type } : {}) };
}
