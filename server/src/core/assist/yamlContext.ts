import type { PathSegment } from '../document/yamlTree';

/** What the cursor is on in a block-style YAML line, found from indentation (works while typing). */
export type YamlCursor =
  | { place: 'key'; parent: PathSegment[]; prefix: string }
  | { place: 'value'; parent: PathSegment[]; key: string; prefix: string }
  | { place: 'item'; parent: PathSegment[]; key: string; prefix: string };

interface LineShape {
  /** Column of the line's first character (a dash or a key). */
  indent: number;
  dash: boolean;
  /** Column where the content after an optional `- ` starts. */
  contentColumn: number;
  key?: string;
  /** True when the key has a value on the same line. */
  hasValue: boolean;
}

const LINE = /^(\s*)(-\s+)?(?:([^\s:#'"[{][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$|(.*))$/;

function shape(line: string): LineShape | undefined {
  if (line.trim() === '' || line.trim().startsWith('#')) return undefined;
  const match = LINE.exec(line);
  if (!match) return undefined;
  const indent = match[1]?.length ?? 0;
  const dash = match[2] !== undefined;
  const contentColumn = indent + (match[2]?.length ?? 0);
  const key = match[3]?.replace(/^["']|["']$/g, '');
  const rest = (match[4] ?? '').replace(/\s#.*$/, '').trim();
  return { indent, dash, contentColumn, key, hasValue: key !== undefined && rest !== '' };
}

/**
 * The mapping path that owns the line at `line`, given the lines above it (front matter only).
 * Sequence items contribute index 0: the schema is the same for every item.
 */
function parentPath(lines: readonly string[], line: number, column: number): PathSegment[] {
  const reversed: PathSegment[] = [];
  let limit = column;
  let inSequence = false;
  for (let index = line - 1; index >= 0; index--) {
    const above = shape(lines[index] ?? '');
    if (!above) continue;
    if (above.dash && above.indent < limit && above.contentColumn >= limit) {
      reversed.push(0); // a sibling key inside the same list item
      limit = above.indent;
      inSequence = true;
      continue;
    }
    const ownsBlock = above.key !== undefined && !above.hasValue;
    if (above.contentColumn < limit || (inSequence && !above.dash && above.contentColumn <= limit && ownsBlock)) {
      if (!ownsBlock) break;
      reversed.push(above.key as string);
      if (above.dash) {
        reversed.push(0);
        limit = above.indent;
        inSequence = true;
      } else {
        limit = above.contentColumn;
        inSequence = false;
      }
      if (limit === 0 && !inSequence) break;
    }
  }
  return reversed.reverse();
}

/** Classifies the cursor at `character` on `lines[line]` (the front matter's lines). */
export function yamlCursor(lines: readonly string[], line: number, character: number): YamlCursor | undefined {
  const before = (lines[line] ?? '').slice(0, character);
  const keyValue = /^(\s*)(-\s+)?([^\s:#'"[{][^:#]*?):\s+([^#]*)$/.exec(before);
  if (keyValue) {
    const column = (keyValue[1]?.length ?? 0) + (keyValue[2]?.length ?? 0);
    const parent = [...parentPath(lines, line, column), ...(keyValue[2] ? [0] : [])];
    return { place: 'value', parent, key: keyValue[3] ?? '', prefix: keyValue[4] ?? '' };
  }
  const item = /^(\s*)-\s+([^:#]*)$/.exec(before);
  if (item) {
    const dashColumn = item[1]?.length ?? 0;
    // `key:` above owns the list; the item may be a scalar value (`- en`) or start a mapping.
    const owner = parentPath(lines, line, dashColumn + 1);
    const key = owner[owner.length - 1];
    if (typeof key === 'string') return { place: 'item', parent: owner.slice(0, -1), key, prefix: item[2] ?? '' };
  }
  const keyOnly = /^(\s*)(-\s+)?([\w.-]*)$/.exec(before);
  if (keyOnly) {
    const column = (keyOnly[1]?.length ?? 0) + (keyOnly[2]?.length ?? 0);
    const parent = [...parentPath(lines, line, column), ...(keyOnly[2] ? [0] : [])];
    return { place: 'key', parent, prefix: keyOnly[3] ?? '' };
  }
  return undefined;
}
