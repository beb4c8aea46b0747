import { isMap } from 'yaml';
import type { Span } from '../diagnostic';
import { splitFrontMatter, type FrontMatterSplit } from './frontMatter';
import { detectMarkdownKind, isMarkdownFile, type DocumentKind } from './kind';
import { TextModel } from './textModel';
import { YamlTree, keyText } from './yamlTree';

export interface DocumentSource {
  /** A URI or path that names the document in output. */
  uri: string;
  /** The file name without folders (used for kind detection). */
  fileName: string;
  version: number;
  text: string;
}

export interface ParseOptions {
  /** Skip detection and treat the document as this kind (`--kind`, or a project association). */
  kind?: DocumentKind;
  /** Lists the files in the document's folder, for detection by neighbours (called lazily). */
  siblings?: () => readonly string[];
}

/**
 * One version of a document, parsed once. Every rule, fix and editor feature reads this object
 * and never parses the text again.
 */
export class ParsedDocument {
  readonly text: TextModel;
  readonly frontMatter: FrontMatterSplit;
  /** The front matter's YAML (cards), when there is front matter. */
  readonly yaml?: YamlTree;
  readonly kind: DocumentKind;

  constructor(
    readonly source: DocumentSource,
    options: ParseOptions = {},
  ) {
    this.text = new TextModel(source.text);
    const markdown =
      isMarkdownFile(source.fileName) || options.kind === 'model-card' || options.kind === 'dataset-card';
    this.frontMatter = markdown
      ? splitFrontMatter(this.text.text)
      : { state: 'missing', body: { start: 0, end: this.text.text.length } };
    // An unclosed block is not metadata to the Hub (it renders the file as Markdown), so its
    // lines are not parsed as YAML: that would bury the one real problem under syntax errors.
    if (this.frontMatter.state === 'closed') {
      const { content } = this.frontMatter;
      this.yaml = new YamlTree(this.text.text.slice(content.start, content.end), content.start);
    }
    this.kind =
      options.kind ??
      (markdown
        ? detectMarkdownKind({
            fileName: source.fileName,
            frontMatterKeys: this.frontMatterKeys(),
            title: this.title()?.text,
            headings: () => this.headingTexts(),
            siblings: options.siblings,
          })
        : 'other');
  }

  get uri(): string {
    return this.source.uri;
  }

  get version(): number {
    return this.source.version;
  }

  /** True when the front matter exists but holds no YAML content at all. */
  get frontMatterIsEmpty(): boolean {
    return this.frontMatter.state === 'closed' && this.yaml?.root == null;
  }

  /** Top-level keys of the front matter mapping (empty when there is none or it is not a mapping). */
  frontMatterKeys(): string[] {
    const root = this.yaml?.root;
    return isMap(root) ? root.items.map(keyText) : [];
  }

  /** The first ATX heading of the body, level 1 or 2 (the card's title). */
  title(): { text: string; span: Span } | undefined {
    const { body } = this.frontMatter;
    const pattern = /^ {0,3}(#{1,2})[ \t]+(.+?)[ \t#]*$/gm;
    pattern.lastIndex = body.start;
    const match = pattern.exec(this.text.text);
    if (!match) return undefined;
    const start = match.index + match[0].indexOf(match[2] ?? '');
    return { text: match[2] ?? '', span: { start, end: start + (match[2] ?? '').length } };
  }

  /** The texts of the body's ATX headings (a cheap scan, for kind detection only). */
  private headingTexts(): string[] {
    const { body } = this.frontMatter;
    return [...this.text.text.slice(body.start, body.end).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map(
      (match) => match[1] ?? '',
    );
  }

  /** The first non-blank line of the body, where document-level findings go when there is no title. */
  firstBodyLine(): Span {
    const { body } = this.frontMatter;
    const text = this.text.text;
    let start = body.start;
    while (start < body.end) {
      let end = start;
      while (end < body.end && text[end] !== '\n' && text[end] !== '\r') end++;
      if (text.slice(start, end).trim() !== '') return { start, end };
      start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    }
    return { start: body.start, end: body.start };
  }
}
