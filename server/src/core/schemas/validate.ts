import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../document/yamlTree';
import type { JsonSchema, SchemaRegistry } from './registry';

/** One schema problem, before it is placed in the document. */
export interface SchemaIssue {
  keyword: string;
  /** Path of the value the problem is about (for `required`: the missing key's path). */
  path: PathSegment[];
  /** The failing value (absent for `required`). */
  value?: unknown;
  /** The schema holding the failing keyword. */
  schema: JsonSchema;
  /** ajv's parameters (`allowedValues`, `missingProperty`, `type`, `limit`, ...). */
  params: Record<string, unknown>;
  /** For an anyOf whose branches all failed on type: the JSON types that would be accepted. */
  acceptedTypes?: string[];
}

/**
 * Validates `data` and returns problems a person can act on. ajv reports every branch of a failed
 * `anyOf`, which reads as noise ("must be string, must be array, must match a schema in anyOf").
 * We instead pick the branch whose JSON type matches the value and report only its problems, or,
 * when no branch takes that type, one type problem listing the accepted types.
 */
export function validateData(
  registry: SchemaRegistry,
  schemaId: string,
  data: unknown,
): SchemaIssue[] {
  const issues = collect(registry, registry.validator(schemaId), data, [], data);
  // The same keyword can fail twice on one value (a `$ref` with a sibling `type`): report it once.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.keyword}\u0000${JSON.stringify(issue.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(
  registry: SchemaRegistry,
  validate: (data: unknown) => boolean | Promise<unknown>,
  data: unknown,
  base: PathSegment[],
  root: unknown,
): SchemaIssue[] {
  if (validate(data) === true) return [];
  const errors: ErrorObject[] = (validate as { errors?: ErrorObject[] | null }).errors ?? [];
  const anyOfPaths = outermostAnyOfs(errors);
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    if (anyOfPaths.some((path) => isWithin(error.instancePath, path))) continue;
    issues.push(toIssue(error, base, data));
  }
  for (const anyOfError of errors.filter((error) => error.keyword === 'anyOf' && anyOfPaths.includes(error.instancePath))) {
    issues.push(...explainAnyOf(registry, anyOfError, base, data, root));
  }
  return issues;
}

/** instancePaths of anyOf failures that are not inside another anyOf failure. */
function outermostAnyOfs(errors: ErrorObject[]): string[] {
  const paths = [...new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))];
  return paths.filter((path) => !paths.some((other) => other !== path && isWithin(path, other)));
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

function explainAnyOf(
  registry: SchemaRegistry,
  error: ErrorObject,
  base: PathSegment[],
  data: unknown,
  root: unknown,
): SchemaIssue[] {
  const path = [...base, ...pointerToPath(error.instancePath, data)];
  const value = error.data;
  const branches = ((error.schema as JsonSchema[] | undefined) ?? []).map((branch) => registry.resolve(branch) ?? branch);
  const type = jsonType(value);
  const candidates = branches.filter((branch) => acceptsType(branch, type));
  let best: SchemaIssue[] | undefined;
  const acceptedTypes = [...new Set(branches.flatMap(branchTypes))];
  for (const branch of candidates) {
    let validate;
    try {
      validate = registry.subValidator(branch);
    } catch {
      // A branch of a workspace schema may not compile alone (a `#/definitions/...` ref, or a
      // keyword strict mode refuses): say the value matches none of the forms, as ajv did.
      return [{ keyword: 'anyOf', path, value, schema: error.parentSchema ?? {}, params: {}, acceptedTypes }];
    }
    const issues = collect(registry, validate, value, path, root);
    if (!best || issues.length < best.length) best = issues;
  }
  // A plain string where a number or an OmegaConf `${...}` interpolation is expected fails the
  // string branch's pattern: say what the value should be, not the pattern.
  const interpolationOnly = best?.length === 1 && best[0]?.keyword === 'pattern' && String(best[0].params.pattern).includes('\\$\\{');
  if (interpolationOnly) {
    const types = acceptedTypes.filter((accepted) => accepted !== 'string');
    return [{ keyword: 'type', path, value, schema: error.parentSchema ?? {}, params: {}, acceptedTypes: [...types, '${...} interpolation'] }];
  }
  if (best) return best;
  return [{ keyword: 'type', path, value, schema: error.parentSchema ?? {}, params: {}, acceptedTypes }];
}

function toIssue(error: ErrorObject, base: PathSegment[], data: unknown): SchemaIssue {
  const path = [...base, ...pointerToPath(error.instancePath, data)];
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    const missing = String(params.missingProperty ?? '');
    return { keyword: 'required', path: [...path, missing], schema: error.parentSchema ?? {}, params };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(params.additionalProperty ?? '');
    return { keyword: 'additionalProperties', path: [...path, extra], schema: error.parentSchema ?? {}, params };
  }
  return { keyword: error.keyword, path, value: error.data, schema: error.parentSchema ?? {}, params };
}

/** JSON pointer -> path segments, with array indexes as numbers (checked against the data). */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(part);
      path.push(index);
      current = current[index];
    } else {
      path.push(part);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
    }
  }
  return path;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The JSON types a schema branch can accept (from `type`, `const` or `enum`); empty = any. */
export function branchTypes(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if ('const' in schema) return [jsonType(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map(jsonType))];
  if (Array.isArray(schema.knownValues)) return ['string'];
  return [];
}

function acceptsType(schema: JsonSchema, type: string): boolean {
  const types = branchTypes(schema);
  if (types.length === 0) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}
