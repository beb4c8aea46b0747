import type { SyntaxNode } from '@lezer/common';
import type { PhrasingContent } from 'mdast';
import type { LineIndex } from './lineIndex';
import { labelIdentifier } from './fastMarkdownDefinitions';
import { codeSpanValue, isSpace, toPlainString } from './fastMarkdownText';
import { type LiteralAutolink, literalAutolinkAt } from './literalAutolinks';

/**
 * The phrasing half of the fast Markdown path (see fastMarkdown.ts): the inline content of one
 * paragraph, heading or table cell, from lezer's inline nodes to remark's mdast, or HAND_BACK
 * where micromark may read it differently.
 */

/** Thrown inside a top-level block that the fast path does not convert: remark parses it. */
export const HAND_BACK = Symbol('hand back');

/** A character reference (`&amp;`, `&#39;`): remark decodes it, this path does not. */
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;

/** CommonMark's autolinks: `<scheme:...>` and `<address@domain>`. */
// eslint-disable-next-line no-control-regex -- the spec excludes ASCII control characters
const URI_AUTOLINK = /^<[A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>\x00-\x1f\x7f]*>$/;
const EMAIL_AUTOLINK =
  /^<[\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?(?:\.[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?)*>$/;

/** What every literal autolink contains (micromark's and the mdast transform's alike). */
const AUTOLINK_HINT = /@|www\.|https?:\/\//i;

/**
 * Inline HTML as micromark reads it: an unquoted attribute value ends at `/` there, so
 * `<img src=https://x>` is text to remark though the spec calls it a tag. Comments only when
 * no CommonMark version reads them differently.
 */
const INLINE_HTML =
  /^(?:<[A-Za-z][A-Za-z\d-]*(?:[ \t\n]+[A-Za-z_:][\w.:-]*(?:[ \t\n]*=[ \t\n]*(?:[^ \t\n"'=<>`/]+|'[^']*'|"[^"]*"))?)*[ \t\n]*\/?>|<\/[A-Za-z][A-Za-z\d-]*[ \t\n]*>|<!--(?!>|->)(?:(?!--)[\s\S])*-->)$/;
const SKIPPED = new Set(['HeaderMark', 'EmphasisMark', 'LinkMark', 'CodeMark', 'Escape']);

/** A paragraph's, heading's or cell's text, as micromark tokenizes it in one go. */
interface TextRun {
  start: number;
  /** Where micromark's input ends. */
  end: number;
  /** Inside a link's or image's text. */
  inLabel: boolean;
  links: LiteralAutolink[];
}

export class PhrasingReader {
  /** Set when text was converted that the mdast autolink transform may find an address in. */
  addressLikeText = false;
  /** The labels the document's definitions define (mdast identifiers): `[label]` is a reference to remark. */
  defined: ReadonlySet<string> = new Set();
  /** The run of text being converted (see phrasingOf). */
  private run: TextRun = { start: 0, end: 0, inLabel: false, links: [] };

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {}

  /**
   * The phrasing content of a paragraph, heading or table cell (`from` to `to`, trimmed): the
   * text micromark tokenizes as one run, which ends (as its input) at `to`.
   */
  phrasingOf(parent: SyntaxNode, from: number, to: number): PhrasingContent[] {
    // Runs of three or more `*` or `_` are where lezer and micromark pair delimiters differently.
    if (/\*\*\*|___/.test(this.source.slice(from, to))) throw HAND_BACK;
    this.run = { start: from, end: to, inLabel: false, links: this.scanAutolinks(from, to) };
    return this.inline(parent, from, to);
  }

  private inline(parent: SyntaxNode, from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    let at = from;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.to <= from || child.from >= to || SKIPPED.has(child.name) || this.isBracketText(child)) continue;
      this.text(out, at, child.from);
      out.push(this.phrasing(child));
      at = child.to;
    }
    this.text(out, at, to);
    return out;
  }

  /**
   * `[More Information Needed]`: lezer reads a link (it does not resolve references), remark
   * text, as no definition defines the label.
   */
  private isBracketText(node: SyntaxNode): boolean {
    const label = this.plainLabel(node);
    return label !== undefined && !this.defined.has(labelIdentifier(label));
  }

  /**
   * The text of `[label]` or `![label]` (no destination, no second label) when it is plain
   * words: inside, a delimiter could pair with one outside once the brackets are text.
   */
  private plainLabel(node: SyntaxNode): string | undefined {
    if (node.name !== 'Link' && node.name !== 'Image') return undefined;
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.nextSibling?.from !== last.from || last.nextSibling) return undefined;
    const inner = this.source.slice(first.to, last.from);
    // `[x]` may be a task list item's box; after an open `[`, lezer's link ends remark's.
    if (/^[ xX]$/.test(inner) || this.openBrackets(this.run.start, node.from) > 0) return undefined;
    // An underscore inside a word (letters or digits on both sides) can neither open nor close.
    const delimiters = inner.replace(/(?<=[\p{L}\p{N}])_+(?=[\p{L}\p{N}])/gu, '');
    if (this.source.slice(last.from, last.to) !== ']' || /[*_`~<>![\]\\&]/.test(delimiters)) return undefined;
    return inner;
  }

  /** `[label]` or `![label]` whose label a definition defines: a shortcut reference. */
  private shortcutReference(node: SyntaxNode): PhrasingContent | undefined {
    const label = this.plainLabel(node);
    if (label === undefined || label.includes('\n') || !this.defined.has(labelIdentifier(label))) return undefined;
    // A `[` after it starts a second label, which micromark tries before a shortcut.
    if (this.source.charCodeAt(node.to) === 91) return undefined;
    // No address is linked inside a label; the transform's leftovers are remark's to judge.
    if (this.run.links.some((link) => link.start < node.to && link.end > node.from)) return undefined;
    const identifier = labelIdentifier(label);
    const position = this.lines.position(node.from, node.to);
    if (node.name === 'Image') {
      return { type: 'imageReference', identifier, label, referenceType: 'shortcut', alt: label, position };
    }
    const children: PhrasingContent[] = [];
    const open = node.firstChild as SyntaxNode;
    this.plainText(children, open.to, open.to + label.length);
    return { type: 'linkReference', identifier, label, referenceType: 'shortcut', children, position };
  }

  private wholeRun(mark: SyntaxNode): boolean {
    const char = this.source.charCodeAt(mark.from);
    return this.source.charCodeAt(mark.from - 1) !== char && this.source.charCodeAt(mark.to) !== char;
  }

  private openBrackets(from: number, to: number): number {
    let depth = 0;
    for (let at = from; at < to; at++) {
      const code = this.source.charCodeAt(at);
      if (code === 92 /* \ */) at++;
      else if (code === 91) depth++;
      else if (code === 93 && depth > 0) depth--;
    }
    return depth;
  }

  /** A gap between inline nodes: text, with the literal autolinks micromark finds in it. */
  private text(out: PhrasingContent[], from: number, to: number): void {
    if (to <= from) return;
    const raw = this.source.slice(from, to);
    // An escaped backtick next to others: lezer and micromark count the code span's fence differently.
    // `<!x` and `<?`: declarations and instructions, which micromark reads as HTML and lezer not always.
    // A tab opening a line: part of it may be indentation and part text (micromark's virtual spaces).
    if (CHARACTER_REFERENCE.test(raw) || raw.includes('\\`') || /<[!?]/.test(raw) || /\n[ \t]*\t/.test(raw)) {
      throw HAND_BACK;
    }
    // Brackets lezer left as text around a defined label: a reference to micromark.
    if (
      this.defined.size > 0 &&
      [...raw.matchAll(/\[([^[\]]*)\]/g)].some(([, label = '']) => this.defined.has(labelIdentifier(label)))
    ) {
      throw HAND_BACK;
    }
    // One run of tildes in a paragraph has nothing to pair with: it is text to GFM too.
    // With GFM a tilde next to `*` or `_` lets that run open or close emphasis, which lezer does not know.
    if (raw.includes('~') && this.tildesMayMatter()) throw HAND_BACK;
    const links = this.run.links.filter((link) => link.end > from && link.start < to);
    if (links.length === 0) {
      this.plainText(out, from, to);
      return;
    }
    // Inside a link's text micromark links no address (its label is still open there).
    if (this.run.inLabel && links.every((link) => link.start >= from && link.end <= to) && !raw.includes('\\')) {
      this.plainText(out, from, to);
      return;
    }
    // Inside a link's text, or after a `[` still open (closed, it is text or a link), micromark
    // links nothing; an escaped character is not where it starts an address; an address reaching
    // into lezer's next node means micromark read that node's characters as the address.
    if (
      links.some((link) => this.openBrackets(this.run.start, link.start) > 0) ||
      raw.includes('\\') ||
      links.some((link) => link.start < from || link.end > to)
    ) {
      throw HAND_BACK;
    }
    if (this.run.inLabel) {
      this.plainText(out, from, to);
      return;
    }
    let at = from;
    for (const { kind, start, end } of links) {
      this.plainText(out, at, start);
      const value = this.source.slice(start, end);
      const url = kind === 'www' ? `http://${value}` : kind === 'email' ? `mailto:${value}` : value;
      out.push({
        type: 'link',
        url,
        title: null,
        children: [{ type: 'text', value, position: this.lines.position(start, end) }],
        position: this.lines.position(start, end),
      });
      at = end;
    }
    this.plainText(out, at, to);
  }

  /** The literal autolinks micromark would read in the run, were it all text (see text()). */
  private scanAutolinks(from: number, to: number): LiteralAutolink[] {
    const links: LiteralAutolink[] = [];
    const run = this.source.slice(from, to);
    if (!AUTOLINK_HINT.test(run)) return links;
    // Without an `@` only `www.` and `http` addresses can start, at an h or a w: the others are skipped.
    const starts = run.includes('@') ? undefined : /[hHwW]/g;
    for (let index = from; index < to; index++) {
      if (starts) {
        starts.lastIndex = index - from;
        const next = starts.exec(run);
        if (!next) break;
        index = from + next.index;
      }
      const found = literalAutolinkAt(
        this.source,
        index,
        to,
        index === from ? null : this.source.charCodeAt(index - 1),
      );
      // At the start of a table cell, the character micromark saw before is not certain.
      if (
        index === from &&
        found?.kind !== literalAutolinkAt(this.source, index, to, this.source.charCodeAt(index - 1))?.kind
      ) {
        throw HAND_BACK;
      }
      if (!found) continue;
      links.push(found);
      index = found.end - 1;
    }
    return links;
  }

  private tildesMayMatter(): boolean {
    const run = this.source.slice(this.run.start, this.run.end);
    return (run.match(/~+/g) ?? []).length > 1 || /[*_]~|~[*_]/.test(run);
  }

  private plainText(out: PhrasingContent[], gapFrom: number, gapTo: number): void {
    // Whitespace around a line ending is not text to remark: a gap loses it at its edges.
    let from = gapFrom;
    let to = gapTo;
    const source = this.source;
    if (source.charCodeAt(from - 1) === 10) while (from < to && isSpace(source.charCodeAt(from))) from++;
    let ahead = from;
    while (ahead < to && isSpace(source.charCodeAt(ahead))) ahead++;
    if (source.charCodeAt(ahead) === 10 && ahead < to) from = ahead;
    let back = to;
    while (back > from && isSpace(source.charCodeAt(back - 1))) back--;
    if (source.charCodeAt(back - 1) === 10 && back > from) to = back;
    if (to <= from) return;
    // Most gaps are one line without escapes: the replacements are skipped for them.
    let value = source.slice(from, to);
    if (value.includes('\n')) value = value.replace(/[ \t]*\n[ \t]*/g, '\n');
    if (value.includes('\\')) value = value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    if (AUTOLINK_HINT.test(value)) this.addressLikeText = true;
    out.push({ type: 'text', value, position: this.lines.position(from, to) });
  }

  private phrasing(node: SyntaxNode): PhrasingContent {
    const { from, to } = node;
    switch (node.name) {
      case 'Emphasis':
      case 'StrongEmphasis': {
        const marks = node.getChildren('EmphasisMark');
        const open = marks[0];
        const close = marks[marks.length - 1];
        // Each mark a whole run of its character: where a run is split between emphases (or
        // partly text), lezer and micromark apply the rule of three to different lengths.
        if (!open || !close || open.from === close.from || !this.wholeRun(open) || !this.wholeRun(close)) {
          throw HAND_BACK;
        }
        const children = this.inline(node, open.to, close.from);
        const type = node.name === 'Emphasis' ? 'emphasis' : 'strong';
        return { type, children, position: this.lines.position(from, to) };
      }
      case 'InlineCode': {
        const marks = node.getChildren('CodeMark');
        // Over several lines a code span's value depends on remark's line handling.
        if (marks.length !== 2 || this.source.slice(from, to).includes('\n')) throw HAND_BACK;
        return {
          type: 'inlineCode',
          value: codeSpanValue(this.source.slice(marks[0]!.to, marks[1]!.from)),
          position: this.lines.position(from, to),
        };
      }
      case 'Link':
      case 'Image':
        return this.link(node);
      case 'Autolink': {
        const url = node.getChild('URL');
        const written = this.source.slice(from, to);
        const email = EMAIL_AUTOLINK.test(written);
        if (!url || (!email && !URI_AUTOLINK.test(written))) throw HAND_BACK;
        const value = this.source.slice(url.from, url.to);
        const text: PhrasingContent = { type: 'text', value, position: this.lines.position(url.from, url.to) };
        return {
          type: 'link',
          url: email ? `mailto:${value}` : value,
          title: null,
          children: [text],
          position: this.lines.position(from, to),
        };
      }
      case 'HardBreak':
        // Spaces after a tab make no break to micromark.
        if (this.source.charCodeAt(from - 1) === 9) throw HAND_BACK;
        return { type: 'break', position: this.lines.position(from, to) };
      default: {
        // Over several lines, micromark leaves a container's indentation out of the value.
        const html = this.source.slice(from, to);
        if ((node.name === 'HTMLTag' || node.name === 'Comment') && INLINE_HTML.test(html) && !html.includes('\n')) {
          return { type: 'html', value: html, position: this.lines.position(from, to) };
        }
        throw HAND_BACK;
      }
    }
  }

  /**
   * An inline link or image, or a shortcut or full reference to a defined label; other reference
   * forms are handed back.
   */
  private link(node: SyntaxNode): PhrasingContent {
    const marks = node.getChildren('LinkMark');
    const close = marks.find((mark) => this.source.charCodeAt(mark.from) === 93 /* ] */);
    const paren = marks.find((mark) => this.source.charCodeAt(mark.from) === 40 /* ( */);
    const open = marks[0];
    if (!open || !close) throw HAND_BACK;
    if (!paren) {
      const reference = this.shortcutReference(node) ?? this.fullReference(node, open, close);
      if (reference) return reference;
    }
    if (!paren || paren.from !== close.to) throw HAND_BACK;
    const children = this.labelText(node, open, close);
    const url = node.getChild('URL');
    const destination = url ? this.source.slice(url.from, url.to) : '';
    const titleNode = node.getChild('LinkTitle');
    // The title without its quotes; escapes and references in either are remark's to decode.
    const title = titleNode ? this.source.slice(titleNode.from + 1, titleNode.to - 1) : null;
    if (titleNode && (this.source.charCodeAt(titleNode.from) === 40 /* ( */ || title?.includes('\n'))) throw HAND_BACK;
    // Parentheses, brackets, escapes and references in a destination, and titles in parentheses,
    // are where micromark and lezer end a link differently.
    if (
      // eslint-disable-next-line no-control-regex -- micromark ends a destination at a control character
      /[()[\]\\<\x00-\x1f\x7f]/.test(destination) ||
      CHARACTER_REFERENCE.test(destination) ||
      (title !== null && /[\\&]/.test(title))
    ) {
      throw HAND_BACK;
    }
    const position = this.lines.position(node.from, node.to);
    if (node.name === 'Link') return { type: 'link', url: destination, title, children, position };
    return { type: 'image', url: destination, title, alt: children.map(toPlainString).join(''), position };
  }

  /** `[text][label]` or `![alt][label]` whose label a definition defines: a full reference. */
  private fullReference(node: SyntaxNode, open: SyntaxNode, close: SyntaxNode): PhrasingContent | undefined {
    const second = node.getChild('LinkLabel');
    if (!second || second.from !== close.to || second.to !== node.to) return undefined;
    const label = this.source.slice(second.from + 1, second.to - 1);
    // mdast decodes references in a label (`&amp;`): remark's to read.
    if (/[[\]\\\n&]/.test(label) || !this.defined.has(labelIdentifier(label))) return undefined;
    const children = this.labelText(node, open, close);
    const identifier = labelIdentifier(label);
    const position = this.lines.position(node.from, node.to);
    if (node.name === 'Link')
      return { type: 'linkReference', identifier, label, referenceType: 'full', children, position };
    const alt = children.map(toPlainString).join('');
    return { type: 'imageReference', identifier, label, referenceType: 'full', alt, position };
  }

  /** The phrasing between a link's brackets (where micromark links no address). */
  private labelText(node: SyntaxNode, open: SyntaxNode, close: SyntaxNode): PhrasingContent[] {
    const inLabel = this.run.inLabel;
    this.run.inLabel = true;
    const children = this.inline(node, open.to, close.from);
    this.run.inLabel = inLabel;
    return children;
  }
}
