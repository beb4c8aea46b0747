import type { CardDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { findDirectives, type Directive } from '../suppressions';
import { lineBreak, lineStartOf, type Fix, type TextEditSpan } from './fix';

/**
 * "Disable CODE for this line" (a `disable-next-line` comment above the finding's line, with that
 * line's indentation) and "Disable CODE for this file" (a `disable-file` comment after the front
 * matter, or as a YAML file's first line), for every diagnostic with a code. In a card's front
 * matter the comments are YAML ones. A comment of the same kind already there gets the code
 * added instead of a second comment. Never preferred: silencing is not the fix.
 */
export function disableFixes(doc: ParsedDocument, diagnostic: CardDiagnostic): Fix[] {
  const code = diagnostic.code;
  // `unused-disable` is about a disable comment itself: no comment can silence it.
  if (!code || code === 'unused-disable' || doc.kind === 'other') return [];
  const directives = findDirectives(doc);
  const fixes: Fix[] = [];
  const line = lineFix(doc, diagnostic, directives);
  if (line) fixes.push({ title: `Disable ${code} for this line`, kind: 'quickfix', edits: [line] });
  const file = fileFix(doc, code, directives);
  if (file) fixes.push({ title: `Disable ${code} for this file`, kind: 'quickfix', edits: [file] });
  return fixes;
}

function lineFix(doc: ParsedDocument, diagnostic: CardDiagnostic, directives: Directive[]): TextEditSpan | undefined {
  const { code } = diagnostic;
  const line = diagnostic.range.start.line;
  const text = doc.text.text;
  const lineStart = lineStartOf(text, doc.text.offsetAt({ line, character: 0 }));
  const syntax = syntaxAt(doc, lineStart);
  if (!syntax) return undefined;
  const existing = directives.find(
    (d) => d.kind === 'disable-next-line' && d.line === line && d.syntax === syntax && d.codes,
  );
  if (existing) return addCode(existing, code);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const comment =
    syntax === 'yaml' ? `# cardwright-disable-next-line ${code}` : `<!-- cardwright-disable-next-line ${code} -->`;
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}${comment}${lineBreak(doc)}` };
}

function fileFix(doc: ParsedDocument, code: string, directives: Directive[]): TextEditSpan | undefined {
  const card = doc.kind === 'model-card' || doc.kind === 'dataset-card';
  const syntax = card ? 'markdown' : 'yaml';
  const existing = directives.find((d) => d.kind === 'disable-file' && d.syntax === syntax && d.codes);
  if (existing) return addCode(existing, code);
  const eol = lineBreak(doc);
  if (!card) {
    if (/\.json$/i.test(doc.source.fileName)) return undefined;
    return { span: { start: 0, end: 0 }, newText: `# cardwright-disable-file ${code}${eol}` };
  }
  const comment = `<!-- cardwright-disable-file ${code} -->`;
  const split = doc.frontMatter;
  if (split.state === 'missing') return { span: { start: 0, end: 0 }, newText: `${comment}${eol}` };
  const at = split.body.start;
  // A closing `---` at the very end of the file has no line break after it yet.
  const needsBreak = at > 0 && !/[\r\n]/.test(doc.text.text[at - 1] ?? '');
  return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${comment}${eol}` };
}

/**
 * Which comment syntax a new line at `offset` needs: YAML in a config or the closed front matter
 * (its closing `---` line included), Markdown in a card's body; none where a comment would change
 * the document (above the opening `---`, inside a code block, in an unclosed front matter's
 * opening line) or not count.
 */
function syntaxAt(doc: ParsedDocument, offset: number): 'markdown' | 'yaml' | undefined {
  if (doc.kind !== 'model-card' && doc.kind !== 'dataset-card') {
    return /\.json$/i.test(doc.source.fileName) ? undefined : 'yaml';
  }
  const split = doc.frontMatter;
  if (split.state !== 'missing' && offset < split.open.end) return undefined;
  if (split.state === 'closed' && offset < split.body.start) return 'yaml';
  const inCode = doc.markdown.codeBlocks.some((block) => block.span.start < offset && offset < block.span.end);
  return inCode ? undefined : 'markdown';
}

/** The code added after the last one the comment names. */
function addCode(directive: Directive, code: string): TextEditSpan | undefined {
  const codes = directive.codes ?? [];
  if (codes.some((entry) => entry.code === code)) return undefined;
  const last = codes[codes.length - 1];
  return last ? { span: { start: last.span.end, end: last.span.end }, newText: ` ${code}` } : undefined;
}
