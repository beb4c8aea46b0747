/**
 * The one way a value from a card (or from the workspace: file names, paths) enters a generated
 * Python script. Whatever the text holds, the result is a single line of printable ASCII that
 * Python reads back as the same value: no quote, backslash, newline or other character can end
 * the literal early, so card text can never become code. Comments use it too, so a newline in a
 * card path cannot end the comment.
 */

/** How deep nested lists and mappings may go before the rest is written as None (cycles, bombs). */
const MAX_DEPTH = 32;

/** Characters written as themselves: printable ASCII except the quotes and the backslash. */
function isPlain(code: number): boolean {
  return code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x27 && code !== 0x5c;
}

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x09: '\\t',
  0x0a: '\\n',
  0x0d: '\\r',
  0x22: '\\"',
  0x27: "\\'",
  0x5c: '\\\\',
};

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** A single-quoted Python `str` literal, pure ASCII, with everything else escaped. */
function pythonString(text: string): string {
  let out = "'";
  // Iterate by code point so a character outside the BMP becomes one \U escape, not two
  // surrogates; a lone surrogate (possible in a JS string) still gets a \u escape of its own.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (isPlain(code)) out += char;
    else if (NAMED_ESCAPES[code] !== undefined) out += NAMED_ESCAPES[code];
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + "'";
}

function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (value === Infinity) return "float('inf')";
  if (value === -Infinity) return "-float('inf')";
  // JavaScript prints numbers in a form Python reads (1e+21, 0.1, -3); -0 prints as 0.
  return Object.is(value, -0) ? '-0.0' : String(value);
}

function literal(value: unknown, depth: number, open: readonly object[]): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return pythonString(Number.isNaN(value.getTime()) ? '' : value.toISOString());
  if (typeof value !== 'object') return pythonString(String(value));
  if (depth >= MAX_DEPTH || open.includes(value)) return 'None';
  const inner = [...open, value];
  if (Array.isArray(value)) {
    return `[${value.map((item) => literal(item, depth + 1, inner)).join(', ')}]`;
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  const items = entries.map(([key, item]) => `${pythonString(String(key))}: ${literal(item, depth + 1, inner)}`);
  return `{${items.join(', ')}}`;
}

/**
 * A Python literal for `value`: strings as escaped `str` literals, numbers, booleans, None for
 * null/undefined, lists and dicts recursively (keys as strings). Anything else is written as the
 * string it converts to.
 */
export function pythonLiteral(value: unknown): string {
  return literal(value, 0, []);
}
