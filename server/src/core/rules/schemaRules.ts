import { describeIssue } from '../schemas/messages';
import type { JsonSchema, SchemaRegistry } from '../schemas/registry';
import { branchTypes, validateData, type SchemaIssue } from '../schemas/validate';
import { DEPRECATED_PIPELINE_TAGS } from './deprecatedRules';
import { cardSchemaId, readableMetadata, spanForKey, spanForValue } from './metadata';
import type { RuleContext, RuleFamily } from './rule';
import { CONFIG_FORMATS } from '../configs/formats';
import { capTemplateFindings } from '../configs/template';
import { isUnrenderedVariable } from '../placeholders';
import type { YamlTree } from '../document/yamlTree';

/**
 * Card metadata against the bundled Hub schemas, with the Hub's wording and paths; training
 * configs against their format's schema or the one a project associates with them.
 */
export const schemaRules: RuleFamily = {
  name: 'schema',
  kinds: ['model-card', 'dataset-card', 'training-config'],
  codes: [
    { code: 'schema-type', severity: 'error', summary: 'A metadata value has the wrong type.' },
    { code: 'schema-enum', severity: 'error', summary: 'A metadata value is not one of the allowed values.' },
    { code: 'schema-required', severity: 'error', summary: 'A required metadata key is missing.' },
    {
      code: 'schema-constraint',
      severity: 'error',
      summary: 'A metadata value breaks a schema constraint (pattern, range, format...).',
    },
    {
      code: 'schema-unavailable',
      severity: 'warning',
      summary: 'The schema a config names cannot be used (missing, not JSON, does not compile, a URL, or untrusted).',
    },
  ],
  check(rawContext) {
    // A *TEMPLATE* config is not read by any tool before a script fills it in: warnings at most.
    const context = {
      ...rawContext,
      report: capTemplateFindings(rawContext.doc, schemaRules.codes, rawContext.report),
    };
    const { doc, schemas, report } = context;
    const schemaId = cardSchemaId(doc.kind) ?? configSchemaId(context);
    const data = readableMetadata(doc);
    const tree = doc.yaml;
    if (!schemaId || !data || !tree) return;
    const tool = doc.config?.schema?.format
      ? CONFIG_FORMATS[doc.config.schema.format].tool
      : doc.config
        ? 'the schema'
        : undefined;
    for (const issue of validateData(schemas, schemaId, data)) {
      if (isReportedElsewhere(issue, tree)) continue;
      const described = describeIssue(issue, tool);
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

/** The schema a training config is checked against, loading a workspace file when trusted. */
function configSchemaId({ doc, schemas, path, workspaceSchemas, report }: RuleContext): string | undefined {
  const reference = doc.config?.schema;
  if (!reference) return undefined;
  if (schemas.has(reference.ref)) return reference.ref;
  const span = reference.span ?? doc.text.lineSpan(0);
  if (!workspaceSchemas) {
    report({
      code: 'schema-unavailable',
      span,
      severity: 'info',
      message: `The schema "${reference.ref}" is a file from this workspace, which is not trusted: it is not compiled (a schema becomes code when compiled). Trust the folder to use it.`,
      data: { ref: reference.ref, reason: 'untrusted' },
    });
    return undefined;
  }
  const loaded = workspaceSchemas.load(reference.ref, path);
  if ('id' in loaded) return loaded.id;
  report({ code: 'schema-unavailable', span, message: loaded.problem, data: { ref: reference.ref } });
  return undefined;
}

/** Deprecated pipeline tags get one `deprecated` finding instead of an enum error on top. */
function isReportedElsewhere(issue: SchemaIssue, tree: YamlTree): boolean {
  // An unrendered `{variable}` of a template: placeholder-text reports it, once for the block.
  if (isUnrenderedVariable(tree.locate(issue.path)?.node)) return true;
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
