import { parseDocument } from 'yaml';
import type { FileSystem } from '../fileSystem';
import type { ParamValue } from './runRecord';

export type Data = Record<string, unknown>;

export const isMapping = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Same bound as the card parser: a YAML alias bomb in a run folder must not eat the server. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses JSON as Python writes it: `json.dump` emits bare `NaN`, `Infinity` and `-Infinity`
 * (a diverged loss in trainer_state.json), which JSON.parse refuses. They become null.
 * Undefined when the text is not JSON even so.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(replaceNonFiniteTokens(text));
    } catch {
      return undefined;
    }
  }
}

/** Replaces NaN/Infinity tokens outside strings with null (strings are copied untouched). */
function replaceNonFiniteTokens(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    const token = /^-?(?:NaN|Infinity)/.exec(text.slice(index, index + 9))?.[0];
    if (token) {
      out += 'null';
      index += token.length;
      continue;
    }
    out += char;
    index++;
  }
  return out;
}

/**
 * YAML data, or undefined on a syntax error. Unknown tags (`!!python/object/apply:...` in
 * hparams.yaml) do not fail the file: their content is kept as plain data.
 */
export function parseYaml(text: string): unknown {
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent', merge: true });
    if (doc.errors.length > 0) return undefined;
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

export function readJson(fs: FileSystem, path: string): unknown {
  const text = fs.readFile(path);
  return text === undefined ? undefined : parseJsonLenient(text);
}

export function readYaml(fs: FileSystem, path: string): unknown {
  const text = fs.readFile(path);
  return text === undefined ? undefined : parseYaml(text);
}

/** Reads a JSON or YAML data file by its extension (DVC metrics and params files are either). */
export function readDataFile(fs: FileSystem, path: string): unknown {
  return /\.json$/i.test(path) ? readJson(fs, path) : /\.ya?ml$/i.test(path) ? readYaml(fs, path) : undefined;
}

/**
 * Flattens nested data into `params`: mappings by `prefix.key`, lists and other values as JSON
 * text, null as `null` (a parameter explicitly unset is still a fact about the run).
 */
export function flattenParams(value: unknown, prefix: string, into: Record<string, ParamValue>): void {
  if (isMapping(value)) {
    for (const [key, child] of Object.entries(value)) flattenParams(child, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (!prefix) return;
  if (typeof value === 'string' || typeof value === 'boolean') into[prefix] = value;
  else if (typeof value === 'number') into[prefix] = Number.isFinite(value) ? value : String(value);
  else if (typeof value === 'bigint') into[prefix] = value.toString();
  else if (value === null || value === undefined) into[prefix] = 'null';
  else if (value instanceof Date) into[prefix] = value.toISOString();
  else into[prefix] = safeJson(value);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Copies the finite numbers of nested data into `metrics` (nested keys joined with `separator`).
 * `skip` says which keys are bookkeeping, not metrics.
 */
export function collectMetrics(
  value: unknown,
  into: Record<string, number>,
  options: { prefix?: string; separator?: string; skip?: (key: string, value: unknown) => boolean } = {},
): void {
  if (!isMapping(value)) return;
  const separator = options.separator ?? '.';
  for (const [key, child] of Object.entries(value)) {
    if (options.skip?.(key, child)) continue;
    const name = options.prefix ? `${options.prefix}${separator}${key}` : key;
    const number = toFiniteNumber(child);
    if (number !== undefined) into[name] = number;
    else if (isMapping(child)) collectMetrics(child, into, { ...options, prefix: name });
  }
}

/** A finite number from a number or a numeric string (W&B writes 64-bit ints as strings). */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** ISO time from Unix milliseconds (MLflow), or undefined for null, 0 and garbage. */
export function isoFromMillis(value: unknown): string | undefined {
  const millis = toFiniteNumber(value);
  if (millis === undefined || millis <= 0) return undefined;
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * ISO time from a recorded timestamp text. Python's `utcnow().isoformat()` has no offset but is
 * UTC (older W&B metadata), so a time without an offset is read as UTC.
 */
export function isoFromUtcText(value: unknown): string | undefined {
  const text = asString(value);
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(withZone.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A local (offset-less) ISO time from date and time parts found in a folder name. */
export function localIso(date: string, hours: string, minutes: string, seconds: string): string {
  return `${date}T${hours}:${minutes}:${seconds}`;
}

/**
 * Parses CSV as Python's csv module writes it (quoted fields, doubled quotes, CRLF).
 * Returns rows of fields; the caller takes the first row as the header.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
