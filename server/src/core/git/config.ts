/**
 * git-config(1) file syntax, read only: nothing in it is ever acted on (no `include`, no
 * `core.fsmonitor`, no hooks). That is the point of reading `.git` ourselves: a repository's own
 * config can make git run programs.
 */
export interface GitConfigEntry {
  /** Lower-cased section name (`remote`). */
  section: string;
  /** Case-sensitive subsection (`origin` in `[remote "origin"]`), if any. */
  subsection?: string;
  /** Lower-cased key name (`url`). */
  key: string;
  /** The value with quotes and escapes resolved; `true` for a key without `=`. */
  value: string;
}

export function parseGitConfig(text: string): GitConfigEntry[] {
  const entries: GitConfigEntry[] = [];
  let section = '';
  let subsection: string | undefined;
  // Continuation lines (a trailing backslash) are joined first: they may only occur in values.
  const lines = text.replace(/\\\r?\n/g, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
      if (!header) continue;
      const name = header[1] ?? '';
      if (header[2] !== undefined) {
        section = name.toLowerCase();
        subsection = header[2].replace(/\\(.)/g, '$1');
      } else {
        // Deprecated `[section.subsection]` form: the subsection is lower-cased by git too.
        const dot = name.indexOf('.');
        section = (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
        subsection = dot < 0 ? undefined : name.slice(dot + 1).toLowerCase();
      }
      const rest = line.slice(header[0].length).trim();
      if (rest && !rest.startsWith('#') && !rest.startsWith(';')) pushEntry(entries, section, subsection, rest);
      continue;
    }
    if (section) pushEntry(entries, section, subsection, line);
  }
  return entries;
}

function pushEntry(entries: GitConfigEntry[], section: string, subsection: string | undefined, line: string): void {
  const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
  if (!match?.[1]) return;
  const entry: GitConfigEntry = {
    section,
    key: match[1].toLowerCase(),
    value: match[2] === undefined ? 'true' : parseValue(match[2]),
  };
  if (subsection !== undefined) entry.subsection = subsection;
  entries.push(entry);
}

/** Unquotes a value, resolves its escapes and cuts a trailing comment outside quotes. */
function parseValue(text: string): string {
  let value = '';
  let quoted = false;
  let pendingSpace = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\') {
      const next = text[++index] ?? '';
      value += pendingSpace + ({ n: '\n', t: '\t', b: '\b' }[next] ?? next);
      pendingSpace = '';
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '#' || char === ';')) break;
    else if (!quoted && /\s/.test(char)) pendingSpace += char;
    else {
      value += (value ? pendingSpace : '') + char;
      pendingSpace = '';
    }
  }
  return value;
}

/** The last value of `section[.subsection].key` (git's rule: the last one wins). */
export function configValue(
  entries: readonly GitConfigEntry[],
  section: string,
  subsection: string | undefined,
  key: string,
): string | undefined {
  let value: string | undefined;
  for (const entry of entries) {
    if (entry.section === section.toLowerCase() && entry.subsection === subsection && entry.key === key.toLowerCase())
      value = entry.value;
  }
  return value;
}
