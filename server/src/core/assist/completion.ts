import { isMap } from 'yaml';
import type { Position, Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { keyText, type PathSegment } from '../document/yamlTree';
import { COMMON_LANGUAGES } from '../languageCodes';
import { documentSchemaId, readableMetadata } from '../rules/metadata';
import { descriptionOf, knownValues, propertiesOf, schemasAtPath } from '../schemas/navigate';
import type { JsonSchema, SchemaRegistry } from '../schemas/registry';
import { branchTypes } from '../schemas/validate';
import { headingCompletions } from './headingCompletion';
import { yamlCursor } from './yamlContext';

export interface Completion {
  label: string;
  kind: 'property' | 'value' | 'heading';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** The text the completion replaces (the word typed so far). */
  replace: Span;
  /** Sorts before the others (e.g. values the Hub enforces before mere suggestions). */
  sortText?: string;
}

/** Completion in a card's front matter: keys from the schema, and values of enumerated keys. */
export function completeAt(doc: ParsedDocument, position: Position, registry: SchemaRegistry): Completion[] {
  const schemaId = documentSchemaId(doc);
  if (!schemaId || !registry.has(schemaId)) return [];
  // The completions write YAML (`key: `); a JSON config would be broken by them.
  if (/\.jsonc?$/i.test(doc.source.fileName)) return [];
  const offset = doc.text.offsetAt(position);
  const region = doc.yamlRegion();
  if (!region || offset < region.start || offset > region.end) return headingCompletions(doc, position);
  const firstLine = doc.text.positionAt(region.start).line;
  const lines: string[] = [];
  for (let line = firstLine; line <= position.line; line++) {
    const span = doc.text.lineSpan(line);
    lines.push(doc.text.text.slice(span.start, span.end));
  }
  const cursor = yamlCursor(lines, lines.length - 1, position.character);
  if (!cursor) return [];
  const replace = { start: offset - cursor.prefix.length, end: offset };
  const data = readableMetadata(doc);
  if (cursor.place === 'key') {
    return keyCompletions(registry, schemaId, cursor.parent, existingKeys(doc, cursor.parent), replace, data);
  }
  const valuePath = [...cursor.parent, cursor.key];
  const values = valueCompletions(registry, schemaId, valuePath, replace);
  if (cursor.place === 'item') {
    values.push(...keyCompletions(registry, schemaId, [...valuePath, 0], new Set(), replace, data));
  }
  return values;
}

function keyCompletions(
  registry: SchemaRegistry,
  schemaId: string,
  parent: PathSegment[],
  existing: Set<string>,
  replace: Span,
  data: unknown,
): Completion[] {
  const properties = propertiesOf(schemasAtPath(registry, schemaId, parent, data));
  const out: Completion[] = [];
  for (const [name, schema] of properties) {
    if (existing.has(name) || schema.deprecated === true) continue;
    const resolved = registry.resolve(schema) ?? schema;
    const block = isBlockValued(registry, resolved);
    out.push({
      label: name,
      kind: 'property',
      detail: typeLabel(registry, resolved),
      documentation: descriptionOf([schema, resolved]),
      insertText: block ? `${name}:` : `${name}: `,
      replace,
    });
  }
  return out;
}

function valueCompletions(
  registry: SchemaRegistry,
  schemaId: string,
  path: PathSegment[],
  replace: Span,
): Completion[] {
  if (path.length === 1 && (path[0] === 'language' || path[0] === 'languages')) {
    return COMMON_LANGUAGES.map(({ code, name }) => ({
      label: code,
      kind: 'value',
      detail: name,
      insertText: code,
      replace,
    }));
  }
  return knownValues(schemasAtPath(registry, schemaId, path), registry).map((known) => ({
    label: String(known.value),
    kind: 'value',
    detail: known.description,
    documentation: known.strict ? undefined : 'Known to the Hub; other values are accepted too.',
    insertText: String(known.value),
    replace,
    sortText: `${known.strict ? 0 : 1}${String(known.value)}`,
  }));
}

/** Keys already present in the mapping at `path` (not offered again). */
function existingKeys(doc: ParsedDocument, path: PathSegment[]): Set<string> {
  const node = doc.yaml?.locate(path)?.node;
  return new Set(isMap(node) ? node.items.map(keyText) : []);
}

function isBlockValued(registry: SchemaRegistry, schema: JsonSchema): boolean {
  const types = [schema, ...((schema.anyOf as JsonSchema[] | undefined) ?? [])].flatMap((s) =>
    branchTypes(registry.resolve(s) ?? s),
  );
  return types.length > 0 && types.every((type) => type === 'object' || type === 'array');
}

function typeLabel(registry: SchemaRegistry, schema: JsonSchema): string | undefined {
  const types = [schema, ...((schema.anyOf as JsonSchema[] | undefined) ?? [])].flatMap((s) =>
    branchTypes(registry.resolve(s) ?? s),
  );
  return types.length > 0 ? [...new Set(types)].join(' | ') : undefined;
}
