import picomatch from 'picomatch';
import { dirname } from '../fileSystem';
import type { SchemaAssociation } from '../projectConfig';
import { isInside } from '../paths';

/**
 * The schema associated with `path` by the first entry whose `files` globs match it, the globs
 * being relative to `base` (the `.cardwright.yaml`'s folder, or the workspace folder for editor
 * settings). A schema path in an entry is relative to the same base; it is returned absolute.
 */
export function associatedSchema(
  associations: readonly SchemaAssociation[] | undefined,
  base: string,
  path: string,
): string | undefined {
  if (!associations || !isInside(path, base)) return undefined;
  const relative = path.slice(base.length + 1);
  for (const association of associations) {
    // Settings are user input: an entry without a list of globs is skipped, not a crash.
    if (!Array.isArray(association.files) || typeof association.schema !== 'string') continue;
    const matches = picomatch(association.files as string[], { dot: true });
    if (matches(relative)) return resolveSchemaRef(association.schema, base);
  }
  return undefined;
}

/** Bundled names and ids stay as they are; a relative file path is resolved against `base`. */
function resolveSchemaRef(schema: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(schema) || schema.startsWith('/') || !/[/\\]|\.json$/i.test(schema))
    return schema;
  return `${base}/${schema.replace(/^\.\//, '')}`;
}

/** The folder a `.cardwright.yaml`'s relative paths are read from. */
export function configBase(source: string | undefined): string | undefined {
  return source ? dirname(source) : undefined;
}
