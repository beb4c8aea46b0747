import { isMap, isScalar, type YAMLMap } from 'yaml';
/**
 * Text that stands in for content nobody wrote: the Hub templates' fillers, unrendered template
 * variables, and the usual notes to self. Shared by `placeholder-text` and by the concept
 * matcher (a title paragraph made of placeholders is not a summary).
 */
export interface PlaceholderMatch {
  text: string;
  /** Offsets into the scanned string. */
  start: number;
  end: number;
}

export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  // The model and dataset card templates, and the legacy datasets template.
  /\[(?:More Information Needed|Needs More Information)\]/gi,
  // The Trainer's auto-generated card writes it without brackets.
  /\bMore information needed\b/gi,
  // An unrendered Jinja variable or block: `{{ model_id }}`, `{{ name | default("x", true) }}`.
  // The identifier must come first, so BibTeX's `{{Title: Subtitle}}` is not taken for one.
  /\{\{\s*[A-Za-z_][\w.]*\s*(?:\|[^{}\n]*)?\}\}/g,
  /\{%[^%\n]*%\}/g,
  // Upper case only: "todo" and "tbd" in prose are words, not markers.
  /\b(?:TODO|TBD|FIXME)\b/g,
  /\blorem ipsum\b/gi,
];

/**
 * What every match of PLACEHOLDER_PATTERNS holds (the patterns' /i is ASCII-only without /u, as here): most
 * texts asked about (each sentence of a card, each line of its code) hold none of it, and one test
 * spares them six.
 */
const ANY_PLACEHOLDER = /[[{]|TODO|TBD|FIXME|more information needed|lorem ipsum/i;

/** Every placeholder in `text`, in order, without overlaps. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  if (!ANY_PLACEHOLDER.test(text)) return [];
  const found: PlaceholderMatch[] = [];
  for (const pattern of PLACEHOLDER_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ text: match[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` with its placeholders removed, for "is there anything real here" questions. */
export function withoutPlaceholders(text: string): string {
  let out = '';
  let at = 0;
  for (const match of findPlaceholders(text)) {
    out += text.slice(at, match.start);
    at = match.end;
  }
  return out + text.slice(at);
}

/** A code block that is only a stub: where in its text the stub shows, and what it is. */
export interface CodeStub {
  /** The line (trimmed) that marks the block as a stub, e.g. `# TODO: add code` or `...`. */
  marker: string;
  /** Offset of the marker in the block's text. */
  start: number;
}

// Lines that carry no code of their own: comments, `...`, `pass`, imports.
const COMMENT_LINE = /^(?:#|\/\/|--|%|;|<!--|\/\*|\*)/;
const ELLIPSIS_LINE = /^(?:\.\.\.|…|pass|# \.\.\.)$/;
const IMPORT_LINE = /^(?:from\s+[\w.]+\s+import\s+.+|import\s+[\w., ]+(?:\s+as\s+\w+)?)$/;
/** `from x import ...`: an import of nothing, the RL templates' stub. */
const IMPORT_ELLIPSIS = /^(?:from\s+[\w.]+\s+)?import\s+(?:\.\.\.|…)$/;
/** Notes to self in a comment: "TODO: add code", "your code here", "coming soon". */
const STUB_COMMENT =
  /\b(?:TODO|TBD|FIXME)\b|\b(?:add|insert|put|write)\s+(?:your\s+|the\s+|some\s+|example\s+)?(?:code|example|usage|snippet)\b|\byour code (?:goes )?here\b|\bcoming soon\b|\bto be (?:added|released|announced)\b/i;

/**
 * A fenced or indented code block that holds no code: only comments, imports, `...` or `pass`,
 * with at least one stub marker among them (a TODO or "add code" comment, a `...` line, an import
 * of `...`, a template placeholder); or a block that is a placeholder and nothing else. A block of
 * real code with a TODO comment in it is not a stub, and neither is a block of imports alone.
 */
export function findCodeStub(text: string, lang?: string): CodeStub | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const placeholders = findPlaceholders(trimmed);
  if (placeholders.length > 0 && withoutPlaceholders(trimmed).replace(/[\s.,;:"'`()[\]-]/g, '') === '') {
    const first = placeholders[0]!;
    return { marker: first.text, start: text.indexOf(first.text) };
  }
  // In YAML `...` ends a document; in prose-like blocks nothing here means "code".
  const yaml = /^(?:ya?ml)$/i.test(lang ?? '');
  if (/^(?:text|txt|plain|markdown|md|bibtex|bib|latex|tex|json|csv|diff|console|output|log)$/i.test(lang ?? '')) {
    return undefined;
  }
  let marker: CodeStub | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const at = offset + raw.indexOf(line);
    offset += raw.length + 1;
    if (line === '') continue;
    const isEllipsis = !yaml && ELLIPSIS_LINE.test(line);
    const isImportStub = IMPORT_ELLIPSIS.test(line);
    const isComment = COMMENT_LINE.test(line);
    if (!isEllipsis && !isComment && !IMPORT_LINE.test(line)) return undefined; // a line of real code
    const marks =
      isImportStub ||
      (isEllipsis && line !== 'pass') ||
      (isComment && (STUB_COMMENT.test(line) || findPlaceholders(line).length > 0));
    if (marks && !marker) marker = { marker: line, start: at };
  }
  return marker;
}

/**
 * A YAML node read from an unrendered template variable: `{lang_0}` (or `{{ card_data }}`) is a
 * flow mapping whose keys are bare names with no values. The template check reports it once as
 * placeholder-text; a schema check would only add "must be a string" for the same fact.
 */
export function isUnrenderedVariable(node: unknown): node is YAMLMap {
  return isMap(node) && node.flow === true && node.items.length > 0 && node.items.every(isTemplateVariable);
}

/** `{lang_0}` is a mapping whose only key is a bare name with no value; `{{ card_data }}` nests one more. */
function isTemplateVariable(pair: { key: unknown; value: unknown }): boolean {
  if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return false;
  if (isScalar(pair.key)) return typeof pair.key.value === 'string' && /^[A-Za-z_]\w*$/.test(pair.key.value);
  return isUnrenderedVariable(pair.key);
}
