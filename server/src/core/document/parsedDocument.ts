import { isMap } from 'yaml';
import { isConfigCandidate, parseConfig, type ParsedConfig } from '../configs/configDocument';
import type { Span } from '../diagnostic';
import { splitFrontMatter, type FrontMatterSplit } from './frontMatter';
import { detectMarkdownKind, isMarkdownFile, isProjectConfigFile, type DocumentKind } from './kind';
import { fastPaths } from './fastPaths';
import { MarkdownModel } from './markdown';
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
  /** The schema a project association gives this file (bundled name or `$id`, or a path). */
  schema?: string;
  /** Characters beyond which the text is not parsed (`max-file-size`); default DEFAULT_MAX_FILE_SIZE. */
  maxSize?: number;
  /**
   * The previous version of the same document: its front matter's YAML is reused when the front
   * matter's text is unchanged, and its Markdown tree when the body's text is. Not kept.
   */
  previous?: ParsedDocument;
}

/**
 * 2 MB: far beyond any hand-written card or config (the largest real cards are ~150 KB), and the
 * size past which a full YAML and Markdown parse would take seconds on every keystroke. Larger
 * files (generated vocabularies, dumps) get one `file-too-large` finding instead.
 */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/**
 * One version of a document, parsed once. Every rule, fix and editor feature reads this object
 * and never parses the text again.
 */
export class ParsedDocument {
  readonly text: TextModel;
  readonly frontMatter: FrontMatterSplit;
  /** The front matter's YAML (cards), when there is front matter; the whole file for YAML documents. */
  readonly yaml?: YamlTree;
  readonly kind: DocumentKind;
  /** For YAML/JSON files: the config's schema reference and JSON syntax errors. */
  readonly config?: Omit<ParsedConfig, 'yaml'>;
  /** Larger than the size limit: not parsed (no YAML, no Markdown model); checks report only that. */
  readonly tooLarge: boolean;
  /** The size limit in force, for the message that says so. */
  readonly sizeLimit: number;
  private markdownModel?: MarkdownModel;
  /** The previous version's Markdown tree, when its body text is this version's. */
  private readonly reusableBody?: MarkdownModel['bodyTree'];

  constructor(
    readonly source: DocumentSource,
    options: ParseOptions = {},
  ) {
    this.text = new TextModel(source.text);
    this.sizeLimit = options.maxSize ?? DEFAULT_MAX_FILE_SIZE;
    this.tooLarge = this.text.text.length > this.sizeLimit;
    if (this.tooLarge) {
      // Only what linear scans can tell: where the front matter is, and the kind by name, keys
      // and title. Nothing is parsed.
      const projectConfig =
        options.kind === 'project-config' || (!options.kind && isProjectConfigFile(source.fileName));
      const markdown =
        !projectConfig &&
        (isMarkdownFile(source.fileName) || options.kind === 'model-card' || options.kind === 'dataset-card');
      this.frontMatter = markdown
        ? splitFrontMatter(this.text.text)
        : { state: 'missing', body: { start: 0, end: this.text.text.length } };
      this.kind = projectConfig
        ? 'project-config'
        : (options.kind ??
          (markdown
            ? detectMarkdownKind({
                fileName: source.fileName,
                frontMatterKeys: this.scanFrontMatterKeys(),
                title: this.scanTitle(),
                headings: () => [],
                siblings: options.siblings,
              })
            : options.schema !== undefined
              ? 'training-config'
              : 'other'));
      return;
    }
    if (options.kind === 'project-config' || (!options.kind && isProjectConfigFile(source.fileName))) {
      this.frontMatter = { state: 'missing', body: { start: 0, end: this.text.text.length } };
      this.yaml = new YamlTree(this.text.text, 0);
      this.kind = 'project-config';
      return;
    }
    const markdown =
      isMarkdownFile(source.fileName) || options.kind === 'model-card' || options.kind === 'dataset-card';
    if (!markdown && (isConfigCandidate(source.fileName) || options.kind === 'training-config')) {
      const { yaml, ...config } = parseConfig(
        this.text.text,
        source.fileName,
        options.schema,
        source.uri,
        options.siblings,
      );
      this.frontMatter = { state: 'missing', body: { start: 0, end: this.text.text.length } };
      this.yaml = yaml;
      this.config = config;
      // rl-zoo hyperparameter files are Python-tagged YAML: ours to report, though no schema fits.
      const pythonTagged = yaml?.unsupportedTags.some((tag) => tag.tag.startsWith('!!python/')) ?? false;
      this.kind =
        options.kind ?? (config.schema || config.jsonErrors.length > 0 || pythonTagged ? 'training-config' : 'other');
      return;
    }
    this.frontMatter = markdown
      ? splitFrontMatter(this.text.text)
      : { state: 'missing', body: { start: 0, end: this.text.text.length } };
    // An unclosed block is not metadata to the Hub (it renders the file as Markdown), so its
    // lines are not parsed as YAML: that would bury the one real problem under syntax errors.
    if (this.frontMatter.state === 'closed') {
      const { content } = this.frontMatter;
      const yamlText = this.text.text.slice(content.start, content.end);
      // A body edit leaves the front matter's text and offset as they were: its tree is reused.
      const previousYaml = fastPaths.enabled ? options.previous?.yaml : undefined;
      this.yaml =
        previousYaml && previousYaml.base === content.start && previousYaml.source === yamlText
          ? previousYaml
          : new YamlTree(yamlText, content.start);
    }
    this.reusableBody = fastPaths.enabled
      ? options.previous?.bodyTreeFor(this.text.text, this.frontMatter.body)
      : undefined;
    this.kind =
      options.kind ??
      (markdown
        ? detectMarkdownKind({
            fileName: source.fileName,
            frontMatterKeys: this.frontMatterKeys(),
            title: this.scanTitle(),
            headings: () => this.scanHeadingTexts(),
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

  /** Where the document's YAML is: the front matter's content, or the whole file for configs. */
  yamlRegion(): Span | undefined {
    if (this.kind === 'training-config' || this.kind === 'project-config')
      return { start: 0, end: this.text.text.length };
    const split = this.frontMatter;
    return split.state === 'missing' ? undefined : split.content;
  }

  /** True when the front matter exists but holds no YAML content at all. */
  get frontMatterIsEmpty(): boolean {
    return this.frontMatter.state === 'closed' && this.yaml?.root == null;
  }

  /** Top-level keys of the front matter by a line scan, for files too large to parse. */
  private scanFrontMatterKeys(): string[] {
    const split = this.frontMatter;
    if (split.state !== 'closed') return [];
    const content = this.text.text.slice(split.content.start, split.content.end);
    return [...content.matchAll(/^([A-Za-z_][\w.-]*)[ \t]*:/gm)].map((match) => match[1] as string);
  }

  /** Top-level keys of the front matter mapping (empty when there is none or it is not a mapping). */
  frontMatterKeys(): string[] {
    const root = this.yaml?.root;
    return isMap(root) ? root.items.map(keyText) : [];
  }

  /**
   * The Markdown body as a section tree, parsed on first use and then shared by every body rule,
   * fix and editor feature reading this version.
   */
  get markdown(): MarkdownModel {
    // A file too large to parse gets an empty model: outline, hover and completion stay instant.
    const { body } = this.frontMatter;
    this.markdownModel ??= new MarkdownModel(
      this.text.text,
      this.tooLarge ? { start: body.end, end: body.end } : body,
      this.reusableBody,
    );
    return this.markdownModel;
  }

  /** This version's Markdown tree, if it was built and its body has the same text as `body` in `text`. */
  private bodyTreeFor(text: string, body: Span): MarkdownModel['bodyTree'] {
    const model = this.markdownModel;
    const own = this.frontMatter.body;
    if (!model?.bodyTree || this.tooLarge || own.end - own.start !== body.end - body.start) return undefined;
    return this.text.text.slice(own.start, own.end) === text.slice(body.start, body.end) ? model.bodyTree : undefined;
  }

  /** The card's title: the body's first heading, when it is of level 1 or 2. */
  title(): { text: string; span: Span } | undefined {
    const heading = this.markdown.title?.heading;
    return heading && { text: heading.text, span: heading.textSpan };
  }

  /**
   * The first ATX heading of level 1 or 2, by a line scan: kind detection runs for every file a
   * folder scan meets, so it must not pay for a Markdown parse.
   */
  private scanTitle(): string | undefined {
    const { body } = this.frontMatter;
    // The trailing spaces and #s are trimmed in code: a lazy group before `[ \t#]*$` backtracks
    // quadratically on a long line of spaces.
    const pattern = /^ {0,3}#{1,2}[ \t]+(\S[^\r\n]*)$/gm;
    pattern.lastIndex = body.start;
    const found = pattern.exec(this.text.text)?.[1];
    return found === undefined ? undefined : trimHeadingEnd(found);
  }

  /** The texts of the body's ATX headings (a cheap scan, for kind detection only). */
  private scanHeadingTexts(): string[] {
    const { body } = this.frontMatter;
    return [...this.text.text.slice(body.start, body.end).matchAll(/^ {0,3}#{1,6}[ \t]+(\S[^\r\n]*)$/gm)].map((match) =>
      trimHeadingEnd(match[1] ?? ''),
    );
  }

  /** The first non-blank line of the body, where document-level findings go when there is no title. */
  /**
   * Where a finding about the whole card goes (a missing section, a missing licence): the title
   * when it heads the card (a level-1 heading, or a level-2 one with no text before it), else the
   * closing `---` of the front matter, else the first line that has text, else line 1. Never a
   * heading deep in the card nor an invisible range at its end.
   */
  cardAnchor(): Span {
    const markdown = this.markdown;
    const title = markdown.title;
    if (title && (title.heading.level === 1 || markdown.preambleText.trim() === '')) return title.heading.textSpan;
    const split = this.frontMatter;
    if (split.state === 'closed') return split.close;
    if (split.state === 'unclosed') return split.open;
    const line = this.firstBodyLine();
    if (line.end > line.start) return line;
    const text = this.text.text;
    let end = 0;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return { start: 0, end };
  }

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

/** Drops a heading's trailing spaces and closing #s, in linear time (a regex would backtrack). */
function trimHeadingEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '#')) end--;
  return text.slice(0, end);
}
