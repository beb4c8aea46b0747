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

const PATTERNS: readonly RegExp[] = [
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

/** Every placeholder in `text`, in order, without overlaps. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const pattern of PATTERNS) {
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
