import type { PathSegment } from '../document/yamlTree';
import type { JsonSchema, SchemaRegistry } from './registry';
import { branchTypes, jsonType } from './validate';

/** A value the editor can offer, with what it means. */
export interface KnownValue {
  value: string | number | boolean;
  description?: string;
  /** False for `knownValues` (suggestions the Hub accepts others beside). */
  strict: boolean;
}

/**
 * The schemas that describe the value at `path`: the property schema itself (for its description)
 * and every alternative it allows (anyOf branches, `$ref`s followed). `data` (the document's
 * value, when known) picks anyOf branches by type on the way down.
 */
export function schemasAtPath(
  registry: SchemaRegistry,
  rootId: string,
  path: readonly PathSegment[],
  data?: unknown,
): JsonSchema[] {
  let current: JsonSchema[] = alternatives(registry, registry.schema(rootId));
  let value = data;
  for (const segment of path) {
    const next: JsonSchema[] = [];
    const type = value === undefined ? undefined : jsonType(value);
    for (const schema of current) {
      if (type !== undefined && !fits(schema, type)) continue;
      const child =
        typeof segment === 'number'
          ? (schema.items as JsonSchema | undefined)
          : (schema.properties as Record<string, JsonSchema> | undefined)?.[segment];
      if (child) next.push(...alternatives(registry, child));
    }
    current = next;
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    if (current.length === 0) break;
  }
  return current;
}

/** A schema and its anyOf branches, with `$ref`s resolved (the schema itself first). */
function alternatives(registry: SchemaRegistry, schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  const resolved = registry.resolve(schema) ?? schema;
  const out: JsonSchema[] = [schema];
  if (resolved !== schema) out.push(resolved);
  const branches = (schema.anyOf ?? schema.oneOf ?? resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  for (const branch of branches ?? []) out.push(...alternatives(registry, branch));
  return out;
}

function fits(schema: JsonSchema, type: string): boolean {
  const types = branchTypes(schema);
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** The first description found (Markdown preferred), for hover. */
export function descriptionOf(schemas: readonly JsonSchema[]): string | undefined {
  for (const schema of schemas) {
    const text = schema.markdownDescription ?? schema.description;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/** Enumerated and known values allowed at this place, including the items of a list branch. */
export function knownValues(schemas: readonly JsonSchema[], registry: SchemaRegistry, includeItems = true): KnownValue[] {
  const seen = new Map<string, KnownValue>();
  const add = (schema: JsonSchema): void => {
    const resolved = registry.resolve(schema) ?? schema;
    for (const [list, descriptions, strict] of [
      [resolved.enum, resolved.enumDescriptions, true],
      [resolved.knownValues, resolved.knownValueDescriptions, false],
    ] as const) {
      if (!Array.isArray(list)) continue;
      list.forEach((value: unknown, index: number) => {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
        const key = String(value);
        if (seen.has(key)) return;
        const description = Array.isArray(descriptions) ? descriptions[index] : undefined;
        seen.set(key, { value, description: typeof description === 'string' ? description : undefined, strict });
      });
    }
    if ('const' in resolved && typeof resolved.const === 'string') {
      seen.set(resolved.const, { value: resolved.const, strict: true });
    }
  };
  for (const schema of schemas) {
    add(schema);
    if (includeItems && schema.items && typeof schema.items === 'object') {
      for (const item of alternatives(registry, schema.items as JsonSchema)) add(item);
    }
  }
  return [...seen.values()];
}

/** Property names (with their schemas) an object at this place may have. */
export function propertiesOf(schemas: readonly JsonSchema[]): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const schema of schemas) {
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    for (const [name, property] of Object.entries(properties ?? {})) if (!out.has(name)) out.set(name, property);
  }
  return out;
}
