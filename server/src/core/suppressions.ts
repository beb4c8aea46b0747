import type { CardDiagnostic, Span } from './diagnostic';
import type { ParsedDocument } from './document/parsedDocument';
import { RULE_CODES } from './rules';
import type { Finding } from './rules/rule';
import { closestMatches, didYouMean } from './suggest';

/**
 * Inline silencing, as markdownlint and ESLint users expect it:
 *
 * - Markdown (a card's body): `<!-- cardwright-disable CODE... -->` ... `<!-- cardwright-enable
 *   CODE... -->` (a range), `<!-- cardwright-disable-next-line CODE... -->`,
 *   `<!-- cardwright-disable-line CODE... -->` (on the line it is on), `<!-- cardwright-disable-file
 *   CODE... -->`. Comments inside code (fenced or indented blocks, inline code) do not count.
 * - YAML (configs, `.cardwright.yaml`, a card's front matter): the same words as `#` comments, a
 *   trailing comment for `disable-line`. Comments inside quoted strings and block scalars do not
 *   count.
 *
 * No code means every code; codes are separated by spaces or commas; ` -- ` starts a free-text
 * reason. A finding is suppressed when the line its range starts on is covered.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  syntax: 'markdown' | 'yaml';
  /** The codes named, with where each is written; undefined: every code. */
  codes?: { code: string; span: Span }[];
  /** The whole comment. */
  span: Span;
  /** 0-based: the line covered (`-line`, `-next-line`), or where a range starts or ends. */
  line: number;
}

export interface UnusedDirective {
  directive: Directive;
  /** The code that suppressed nothing; undefined when the directive names no code. */
  code?: string;
  span: Span;
}

const WORDS = 'disable-next-line|disable-line|disable-file|disable|enable';
const MARKDOWN_DIRECTIVE = new RegExp(`<!--[ \\t]*cardwright-(${WORDS})(?=[\\s,]|-->)([\\s\\S]*?)-->`, 'g');
const YAML_DIRECTIVE = new RegExp(`^#[ \\t]*cardwright-(${WORDS})(?=[\\s,]|$)(.*)$`);

/**
 * Every directive in the document, in order. Cheap when there is none (one substring search); a
 * card's Markdown model is only read, for its code blocks, when the body has a candidate.
 */
export function findDirectives(doc: ParsedDocument): Directive[] {
  const text = doc.text.text;
  if (!text.includes('cardwright-')) return [];
  const directives: Directive[] = [];
  const card = doc.kind === 'model-card' || doc.kind === 'dataset-card';
  // A card's YAML is its closed front matter (an unclosed block is Markdown to the Hub).
  const region = card && doc.frontMatter.state !== 'closed' ? undefined : doc.yamlRegion();
  if (region && !/\.json$/i.test(doc.source.fileName)) directives.push(...yamlDirectives(text, region, doc));
  if (card) directives.push(...markdownDirectives(doc));
  return directives.sort((a, b) => a.span.start - b.span.start);
}

function markdownDirectives(doc: ParsedDocument): Directive[] {
  const text = doc.text.text;
  const body = doc.frontMatter.body;
  const found: Directive[] = [];
  MARKDOWN_DIRECTIVE.lastIndex = body.start;
  let codeBlocks: readonly { span: Span }[] | undefined;
  for (let match = MARKDOWN_DIRECTIVE.exec(text); match; match = MARKDOWN_DIRECTIVE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end > body.end) break;
    codeBlocks ??= doc.markdown.codeBlocks;
    if (codeBlocks.some((block) => block.span.start <= start && start < block.span.end)) continue;
    if (inInlineCode(text, start)) continue;
    const kind = match[1] as DirectiveKind;
    const argsStart = start + match[0].length - 3 - (match[2] ?? '').length;
    const startLine = doc.text.positionAt(start).line;
    const line = kind === 'disable-next-line' ? doc.text.positionAt(end).line + 1 : startLine;
    found.push({ kind, syntax: 'markdown', codes: parseCodes(match[2] ?? '', argsStart), span: { start, end }, line });
  }
  return found;
}

/** An odd number of backticks before it on its line: the comment is inline code, not a comment. */
function inInlineCode(text: string, at: number): boolean {
  let ticks = 0;
  for (let i = at - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) if (text[i] === '`') ticks++;
  return ticks % 2 === 1;
}

/** `#` comments in the YAML region, by a line scan that knows quotes and block scalars. */
function yamlDirectives(text: string, region: Span, doc: ParsedDocument): Directive[] {
  const found: Directive[] = [];
  let blockIndent: number | undefined;
  let lineStart = region.start;
  let line = doc.text.positionAt(region.start).line;
  while (lineStart < region.end) {
    let lineEnd = lineStart;
    while (lineEnd < region.end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const content = text.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(content)?.[0].length ?? 0;
    const blank = content.trim() === '';
    if (blockIndent !== undefined && (blank || indent > blockIndent)) {
      // A line of a `|` or `>` block scalar: text, not a comment.
    } else {
      blockIndent = undefined;
      const hash = commentStart(content);
      const before = hash === undefined ? content : content.slice(0, hash);
      if (/(^|[\s:-])[|>][0-9+-]*\s*$/.test(before) && before.trim() !== '') blockIndent = indent;
      const match = hash === undefined ? null : YAML_DIRECTIVE.exec(content.slice(hash));
      if (hash !== undefined && match) {
        const start = lineStart + hash;
        const kind = match[1] as DirectiveKind;
        const args = match[2] ?? '';
        const argsStart = lineStart + content.length - args.length;
        const covered = kind === 'disable-next-line' ? line + 1 : line;
        const span = { start, end: lineEnd };
        found.push({ kind, syntax: 'yaml', codes: parseCodes(args, argsStart), span, line: covered });
      }
    }
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
    line++;
  }
  return found;
}

/** Where a line's `#` comment starts: at the line start or after a blank, outside quotes. */
function commentStart(content: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote === '"' && ch === '\\') {
      i++;
    } else if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '#' && (i === 0 || content[i - 1] === ' ' || content[i - 1] === '\t')) {
      return i;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(content[i - 1] ?? ''))) {
      quote = ch;
    }
  }
  return undefined;
}

/** `a b`, `a, b`, `a,b -- why`: the codes with their spans; none at all means every code. */
function parseCodes(args: string, argsStart: number): { code: string; span: Span }[] | undefined {
  const reason = /(^|\s)--(\s|$)/.exec(args);
  const list = reason ? args.slice(0, reason.index) : args;
  const codes = [...list.matchAll(/[^\s,]+/g)].map((match) => ({
    code: match[0],
    span: { start: argsStart + (match.index ?? 0), end: argsStart + (match.index ?? 0) + match[0].length },
  }));
  return codes.length > 0 ? codes : undefined;
}

function covers(directive: Directive, code: string): boolean {
  return !directive.codes || directive.codes.some((entry) => entry.code === code);
}

/**
 * Drops the diagnostics the directives cover and lists the directives (or the codes of one) that
 * covered nothing. A range's state at a line is that of the last `disable`/`enable` before it
 * naming the code (or every code), so `disable` then `enable X` leaves every code but X off.
 */
export function applyDirectives(
  directives: readonly Directive[],
  diagnostics: readonly CardDiagnostic[],
): { kept: CardDiagnostic[]; unused: UnusedDirective[] } {
  if (directives.length === 0) return { kept: [...diagnostics], unused: [] };
  const used = new Map<Directive, Set<string>>();
  const markUsed = (directive: Directive, code: string): void => {
    const codes = used.get(directive) ?? new Set<string>();
    codes.add(code);
    used.set(directive, codes);
  };
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const kept = diagnostics.filter((diagnostic) => {
    const { code } = diagnostic;
    const line = diagnostic.range.start.line;
    const direct = directives.find(
      (d) =>
        covers(d, code) &&
        (d.kind === 'disable-file' ||
          ((d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.line === line)),
    );
    let by = direct;
    if (!by) {
      const last = ranges.filter((d) => d.line <= line && covers(d, code)).pop();
      if (last?.kind === 'disable') by = last;
    }
    if (!by) return true;
    markUsed(by, code);
    return false;
  });
  const unused: UnusedDirective[] = [];
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    const codes = used.get(directive);
    if (!directive.codes) {
      if (!codes) unused.push({ directive, span: directive.span });
      continue;
    }
    for (const entry of directive.codes) {
      if (!codes?.has(entry.code)) unused.push({ directive, code: entry.code, span: entry.span });
    }
  }
  return { kept, unused };
}

/**
 * The engine's step after the rules: the diagnostics the document's directives leave, and, when
 * asked for (`--report-unused-disables`, `report-unused-disables: true`), an `unused-disable`
 * finding per directive or named code that suppressed nothing. A code that is not a Cardwright
 * code suppresses nothing, so it is reported then too (with the closest code); otherwise it is
 * ignored, like a disable for a finding that is not there.
 */
export function silence(
  doc: ParsedDocument,
  diagnostics: readonly CardDiagnostic[],
  reportUnused: boolean,
): { kept: CardDiagnostic[]; unused: Finding[] } {
  const directives = findDirectives(doc);
  const { kept, unused } = applyDirectives(directives, diagnostics);
  if (!reportUnused) return { kept, unused: [] };
  return { kept, unused: unused.map(unusedFinding) };
}

function unusedFinding({ directive, code, span }: UnusedDirective): Finding {
  const comment = `cardwright-${directive.kind}`;
  const data = {
    directive: directive.kind,
    comment: directive.span,
    ...(code !== undefined ? { disabled: code } : {}),
  };
  if (code === undefined) {
    return { code: 'unused-disable', span, message: `This ${comment} comment suppresses nothing.`, data };
  }
  if (!RULE_CODES.has(code)) {
    const suggestions = closestMatches(code, [...RULE_CODES.keys()]);
    const message = `"${code}" in this ${comment} comment is not a Cardwright code, so it suppresses nothing.${didYouMean(suggestions)}`;
    return { code: 'unused-disable', span, message, data: { ...data, suggestions } };
  }
  const where =
    directive.kind === 'disable-file' ? 'in this file' : directive.kind === 'disable' ? 'in its range' : 'on its line';
  return {
    code: 'unused-disable',
    span,
    message: `This ${comment} comment names "${code}", but there is no "${code}" finding ${where} to suppress.`,
    data,
  };
}
