import type {
  Definition,
  Heading,
  Html,
  Image,
  Link,
  Nodes,
  Paragraph,
  Parents,
  Root,
  RootContent,
  Table,
} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from '../diagnostic';
import { parseMarkdownFast } from './fastMarkdown';
import { fastPaths } from './fastPaths';

/**
 * The parser is configured once and frozen: it holds no per-document state, so sharing it is as
 * safe as sharing a function.
 */
const PARSER = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
/** For the body alone: a `---` block at its start is Markdown there, not front matter. */
const BODY_PARSER = unified().use(remarkParse).use(remarkGfm).freeze();

function parseBodyWithRemark(body: string): Root {
  return BODY_PARSER.parse(body) as Root;
}

/** The body's tree: the fast path where it can tell, remark where it cannot (see fastMarkdown). */
function parseBody(body: string): Root {
  let fast: Root | undefined;
  try {
    fast = parseMarkdownFast(body, parseBodyWithRemark);
  } catch {
    // A converter failure (a lezer tree of a shape never met, a nesting too deep for the
    // recursion) costs speed, never the document: remark reads it.
    fast = undefined;
  }
  return fast ?? parseBodyWithRemark(body);
}

export interface MarkdownHeading {
  /** 1 to 6. */
  level: number;
  /** The heading as a reader sees it: inline markup removed, trimmed. */
  text: string;
  /** The whole heading, markers included. */
  span: Span;
  /** The heading's text only (no `#` markers or setext underline). */
  textSpan: Span;
}

/** A heading with everything up to the next heading of the same or a higher level. */
export interface Section {
  heading: MarkdownHeading;
  parent?: Section;
  children: Section[];
  /** From the heading's start to the next heading of the same or a higher level (or the end). */
  extent: Span;
  /** The section's own part: after the heading, up to its first subsection. */
  own: Span;
  /** True when the own part holds anything a reader sees (HTML comments do not count). */
  hasOwnContent: boolean;
  /** The prose of the own part (code excluded), for placeholder and emptiness checks. */
  ownText: string;
}

/** `**Input:** text`, `Inputs: text`, `**Limitations**` on its own line, a table's row label. */
export interface LabelledLine {
  /** The label without markup and colon (`Input`). */
  label: string;
  span: Span;
}

export interface MarkdownLink {
  /** The destination as written (not decoded), e.g. `docs/My%20File.md#usage`. */
  destination: string;
  /** Where the destination is written, for findings about it. */
  target: Span;
  kind: 'link' | 'image' | 'definition' | 'html';
}

/** A run of prose exactly as written in the source (`text` is the source slice at `span`). */
export interface TextRun {
  text: string;
  span: Span;
}

export interface CodeBlock {
  lang?: string;
  text: string;
  span: Span;
}

/**
 * The body of a card as remark sees it, reduced to what the body rules ask about: sections,
 * labelled lines, links, prose and code. Built once per document version (ParsedDocument caches
 * it). All spans are offsets into the same BOM-less text the rest of the document model uses.
 */
export class MarkdownModel {
  /** Every top-level heading's section, in document order (subsections are also in `children`). */
  readonly sections: Section[] = [];
  readonly labelledLines: LabelledLine[] = [];
  readonly links: MarkdownLink[] = [];
  /** Prose outside code, inline code and HTML, in document order. */
  readonly textRuns: TextRun[] = [];
  readonly codeBlocks: CodeBlock[] = [];
  /** `<h2>Limitations</h2>` and the like in HTML blocks: they render as headings too. */
  readonly htmlHeadings: { text: string; span: Span }[] = [];
  /**
   * The visible text of each HTML block, tags removed. CommonMark folds a sentence written right
   * after an HTML block (no blank line) into the block, so this is prose a reader sees too.
   */
  readonly htmlTexts: string[] = [];
  /** Prose before the first heading. */
  readonly preambleText: string = '';

  /**
   * The body's tree with offsets relative to the body, as remark gave it (the fast path only):
   * the next version reuses it when its body has the same text, even at another offset.
   */
  readonly bodyTree?: Root;
  /** Added to the tree's offsets: the body's start when the tree is the body's alone. */
  private readonly offset: number = 0;

  constructor(
    private readonly text: string,
    body: Span,
    /** A previous version's `bodyTree` for the same body text (never modified here). */
    reusable?: Root,
  ) {
    // Without front matter the body is the whole text: read alone unless remark-frontmatter could
    // take a `---` block at its start for front matter.
    const bodyAlone = body.start > 0 || !text.startsWith('---');
    if (fastPaths.enabled && bodyAlone) this.bodyTree = reusable ?? parseBody(text.slice(body.start, body.end));
    // The body's tree has offsets from the body's start: read with that offset, never copied.
    const root = this.bodyTree ?? (PARSER.parse(text) as Root);
    this.offset = this.bodyTree ? body.start : 0;
    const blocks = root.children.filter((node) => node.type !== 'yaml' && this.start(node) >= body.start);
    const open: Section[] = [];
    for (const block of blocks) {
      // A heading with no text (`## ` as a spacer, common in exported documents) renders as
      // nothing: it neither starts a section nor ends the one it sits in.
      if (block.type === 'heading' && plainText(block).trim() === '') continue;
      if (block.type === 'heading') {
        const heading = this.heading(block);
        while (open.length > 0 && (open[open.length - 1]?.heading.level ?? 0) >= heading.level) {
          close(open.pop(), heading.span.start);
        }
        const parent = open[open.length - 1];
        const section: Section = {
          heading,
          parent,
          children: [],
          extent: { start: heading.span.start, end: body.end },
          own: { start: heading.span.end, end: body.end },
          hasOwnContent: false,
          ownText: '',
        };
        parent?.children.push(section);
        if (parent && parent.children.length === 1) parent.own.end = heading.span.start;
        this.sections.push(section);
        open.push(section);
        this.visit(block);
        continue;
      }
      const current = open[open.length - 1];
      const runsBefore = this.textRuns.length;
      this.visit(block);
      this.readHtmlHeadings(block);
      const prose = joinRuns(this.textRuns.slice(runsBefore));
      // The innermost open section has no subsection yet (one would be innermost), so a block
      // outside a heading always belongs to its own part.
      if (!current) {
        this.preambleText = joinText(this.preambleText, prose);
      } else {
        if (isVisible(block)) current.hasOwnContent = true;
        current.ownText = joinText(current.ownText, prose);
      }
    }
    while (open.length > 0) close(open.pop(), body.end);
  }

  /** The card's title: the first heading, when it is of level 1 or 2. */
  get title(): Section | undefined {
    const first = this.sections[0];
    return first && first.heading.level <= 2 ? first : undefined;
  }

  private heading(node: Heading): MarkdownHeading {
    const span = this.spanOf(node);
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    const textSpan = first && last ? { start: this.start(first), end: this.spanOf(last).end } : span;
    return { level: node.depth, text: plainText(node).trim(), span, textSpan };
  }

  /** Collects prose, links, labels and code below `node`. */
  private visit(node: Nodes): void {
    switch (node.type) {
      case 'text':
        this.textRuns.push({ text: this.text.slice(this.start(node), this.spanOf(node).end), span: this.spanOf(node) });
        return;
      case 'code':
        this.codeBlocks.push({ lang: node.lang ?? undefined, text: node.value, span: this.spanOf(node) });
        return;
      case 'inlineCode':
      case 'yaml':
        return;
      case 'html':
        this.readHtml(node);
        return;
      case 'link':
      case 'image':
      case 'definition':
        this.readLink(node);
        break;
      case 'paragraph':
        this.readLabels(node);
        break;
      case 'table':
        this.readTableLabels(node);
        break;
    }
    if ('children' in node) for (const child of (node as Parents).children) this.visit(child);
  }

  private readLink(node: Link | Image | Definition): void {
    const target = destinationSpan(this.text, node, (inner) => this.spanOf(inner));
    if (!target) return;
    this.links.push({ destination: this.text.slice(target.start, target.end), target, kind: node.type });
  }

  private readHtml(node: Html): void {
    const base = this.start(node);
    const visible = htmlText(node.value);
    if (/\p{L}{2,}/u.test(visible)) this.htmlTexts.push(visible);
    for (const match of node.value.matchAll(/\b(?:src|href)\s*=\s*(["'])([^"']*)\1/gi)) {
      const value = match[2] ?? '';
      const at = base + (match.index ?? 0) + match[0].length - 1 - value.length;
      this.links.push({ destination: value, target: { start: at, end: at + value.length }, kind: 'html' });
    }
    // HTML tables label their rows too: `<th>Input modalities</th>`, `<td><strong>Params</strong>`.
    for (const match of node.value.matchAll(/<t([hd])\b[^>]*>\s*(<(?:strong|b)>)?\s*([^<\n]{1,80})/gi)) {
      const label = (match[3] ?? '').trim();
      if (label && (match[1]?.toLowerCase() === 'h' || match[2]) && wordCount(label) <= 6) {
        const at = base + (match.index ?? 0) + match[0].length - (match[3] ?? '').length;
        this.addLabel(label, { start: at, end: at + label.length });
      }
    }
  }

  /** `<h2>Limitations</h2>`, in an HTML block or split over inline HTML nodes of a paragraph. */
  private readHtmlHeadings(block: RootContent): void {
    if (block.type !== 'html' && block.type !== 'paragraph') return;
    const { start: from, end } = this.spanOf(block);
    for (const match of this.text.slice(from, end).matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/gi)) {
      const text = (match[1] ?? '').replace(/<[^>]*>/g, '').trim();
      const at = from + (match.index ?? 0);
      if (text) this.htmlHeadings.push({ text, span: { start: at, end: at + match[0].length } });
    }
  }

  /** Labels at the start of a paragraph or of a line in it, and bold labels ending in a colon. */
  private readLabels(paragraph: Paragraph): void {
    const children = paragraph.children;
    children.forEach((child, index) => {
      const previous = children[index - 1];
      const atLineStart =
        !previous || (previous.type === 'text' && /\n\s*$/.test(previous.value)) || previous.type === 'break';
      if (child.type === 'strong' || child.type === 'emphasis') {
        const raw = plainText(child).trim();
        const next = children[index + 1];
        const colon = raw.endsWith(':') || (next?.type === 'text' && /^\s*:/.test(next.value));
        // `**Input** Models input text only.` and a bold line used as a heading are labels too.
        if (colon || (atLineStart && wordCount(raw) <= 5)) this.addLabel(raw, this.spanOf(child));
      } else if (child.type === 'text') {
        const value = this.text.slice(this.start(child), this.spanOf(child).end);
        for (const match of value.matchAll(/(^|\n)[ \t>]*([\p{L}][\p{L}\p{N} ()/&'-]{0,40}?)[ \t]*:(?=\s|$)/gu)) {
          if (match[1] === '' && !atLineStart) continue;
          const label = match[2] ?? '';
          const at = this.start(child) + (match.index ?? 0) + match[0].indexOf(label);
          if (wordCount(label) <= 6) this.addLabel(label, { start: at, end: at + label.length });
        }
      }
    });
  }

  /** A table's header cells and each row's first cell (`| **Input modalities** | Text |`). */
  private readTableLabels(table: Table): void {
    table.children.forEach((row, rowIndex) => {
      const cells = rowIndex === 0 ? row.children : row.children.slice(0, 1);
      for (const cell of cells) {
        const text = plainText(cell).trim();
        const first = cell.children[0];
        const last = cell.children[cell.children.length - 1];
        if (first && last && text && wordCount(text) <= 6) {
          this.addLabel(text, { start: this.start(first), end: this.spanOf(last).end });
        }
      }
    });
  }

  /** Where a node starts in the whole text (see `offset`). */
  private start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.offset;
  }

  private spanOf(node: Nodes): Span {
    const start = this.start(node);
    const end = node.position?.end.offset;
    return { start, end: end === undefined ? start : end + this.offset };
  }

  private addLabel(raw: string, span: Span): void {
    const label = raw.replace(/\s*:\s*$/, '').trim();
    if (label) this.labelledLines.push({ label, span });
  }
}

function close(section: Section | undefined, end: number): void {
  if (!section) return;
  section.extent.end = end;
  if (section.children.length === 0) section.own.end = end;
}

/** What a reader sees: anything but an HTML comment (the templates' guidance lives in those). */
function isVisible(node: RootContent): boolean {
  if (node.type === 'html') return !/^\s*(<!--[\s\S]*?-->\s*)*$/.test(node.value);
  return node.type !== 'definition';
}

const HTML_BLOCK_TAG =
  /<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|details|summary|center|section|figure|figcaption|blockquote)\b[^>]*>/gi;

/** An HTML block's text as a reader sees it: comments, scripts and tags gone, block tags as sentence ends. */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(HTML_BLOCK_TAG, '. ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^(?:\s*\.)+\s*/, '')
    .trim();
}

/** The visible text of a node: text and inline code, without markup. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node as Parents).children.map((child) => plainText(child)).join('');
  return '';
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function joinRuns(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join(' ');
}

function joinText(before: string, after: string): string {
  if (!after) return before;
  return before ? `${before} ${after}` : after;
}

/**
 * Where an inline link's, image's or definition's destination is written: after `](` (or `]:`),
 * inside `<...>` when bracketed. Reference links and autolinks have none of their own.
 */
function destinationSpan(
  text: string,
  node: Link | Image | Definition,
  spanOf: (node: Nodes) => Span,
): Span | undefined {
  const { start: from, end } = spanOf(node);
  let at: number;
  if (node.type === 'definition') {
    at = text.indexOf(']:', from) + 2;
  } else {
    if (text[end - 1] !== ')') return undefined;
    const last = node.type === 'link' ? node.children[node.children.length - 1] : undefined;
    const open = text.indexOf('](', last ? spanOf(last).end : from);
    if (open < 0 || open >= end) return undefined;
    at = open + 2;
  }
  if (at < 2) return undefined;
  while (at < end && /\s/.test(text[at] ?? '')) at++;
  if (text[at] === '<') {
    const close = text.indexOf('>', at);
    return close < 0 || close > end ? undefined : { start: at + 1, end: close };
  }
  let depth = 0;
  let stop = at;
  for (; stop < end; stop++) {
    const ch = text[stop] ?? '';
    if (/\s/.test(ch)) break;
    if (ch === '(') depth++;
    if (ch === ')' && depth-- === 0) break;
  }
  return stop > at ? { start: at, end: stop } : undefined;
}
