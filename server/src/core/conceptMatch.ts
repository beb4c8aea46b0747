import type { Concept } from './concepts';
import { COMMENT, OUTPUT_COMMENT, SHAPE_COMMENT, STUB_LINE } from './conceptWording';
import type { Span } from './diagnostic';
import type { CodeBlock, MarkdownModel, Section } from './document/markdown';
import type { ParsedDocument } from './document/parsedDocument';
import { findPlaceholders, withoutPlaceholders } from './placeholders';
import { readableMetadata } from './rules/metadata';
import { fastPaths } from './document/fastPaths';
import { headingWords, phraseMatcher } from './phraseMatcher';
import { foldForPrefilter, mayMatchWhere, testWithPrefilter } from './regexPrefilter';

/** What answered a concept, and where (for hovers, quick-fixes and the corpus report). */
export interface ConceptEvidence {
  via: 'front-matter' | 'heading' | 'label' | 'prose' | 'intro' | 'code' | 'code-comment';
  /** For prose: the id of the sentence pattern that matched. */
  pattern?: string;
  text: string;
  span?: Span;
}

/** `cache`'s value for `key`, computed by `compute` the first time. */
function memo<K extends object | string, V>(
  cache: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  compute: (key: K) => V,
): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** Whether a heading or label text names the concept (with the project's extra synonyms). */
export function namesConcept(
  text: string,
  concept: Concept,
  extraPhrases: readonly string[] = [],
  /** Words already split, by text (one card's headings and labels are compared with every concept). */
  split?: Map<string, readonly string[]>,
): boolean {
  const words = split ? memo(split, text, headingWords) : headingWords(text);
  return phraseMatcher(concept, extraPhrases).matches(words);
}

/** The words of a card's headings and labels, split once per Markdown model (lives as long as it). */
const HEADING_WORDS = new WeakMap<MarkdownModel, Map<string, readonly string[]>>();

function headingWordsOf(markdown: MarkdownModel): Map<string, readonly string[]> {
  return memo(HEADING_WORDS, markdown, () => new Map());
}

/** Fenced code in these languages is a runnable example; data, citations and output are not. */
const EXAMPLE_LANGUAGES =
  /^(python|py|python3|bash|sh|shell|console|zsh|javascript|js|typescript|ts|r|julia|cpp|c\+\+|rust|go|java|swift|kotlin)$/i;
const EXAMPLE_CODE = /\b(import |from_pretrained|pip install|pipeline\(|load_dataset|curl |docker run)/;

/** A block of nothing but imports, `pass`, `...`, comments and placeholders (`# TODO: add code`). */
export function isStubCode(code: string): boolean {
  return code.split('\n').every((line) => STUB_LINE.test(line) || findPlaceholders(line).length > 0);
}

/** Text with nothing real in it: every line with letters holds a placeholder (`TODO: Add your code`). */
function onlyPlaceholders(text: string): boolean {
  return text.split('\n').every((line) => findPlaceholders(line).length > 0 || !/\p{L}{2,}/u.test(line));
}

/**
 * Prose as sentences: whitespace collapsed, split after `.`, `!`, `?` before a capital (and after
 * the CJK full stops), so patterns never join two sentences. A sentence holding a placeholder
 * ("is intended for [More Information Needed]") is template, not an answer: it is dropped.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{Lo}"'([])|(?<=[。！？；])/u)
    .filter((sentence) => findPlaceholders(sentence).length === 0)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 0);
}

/** A sentence of prose, and its folded copy for the patterns' prefilters (regexPrefilter.ts). */
interface ProseSentence {
  text: string;
  folded: string;
}

/** The card's prose sentences, and which sentence patterns may match any of them. */
class ProseIndex {
  readonly sentences: readonly ProseSentence[];
  /** All sentences in one string (and folded), parted by a character no literal holds. */
  private readonly joined: ProseSentence;
  private readonly possible = new Map<RegExp, boolean>();
  /** Whether the prose holds a literal (as written, and folded): patterns share many. */
  private readonly holds = { text: new Map<string, boolean>(), folded: new Map<string, boolean>() };

  constructor(markdown: MarkdownModel) {
    this.sentences = proseTexts(markdown)
      .flatMap(sentences)
      .map((text) => ({ text, folded: foldForPrefilter(text) }));
    this.joined = {
      text: this.sentences.map((sentence) => sentence.text).join('\0'),
      folded: this.sentences.map((sentence) => sentence.folded).join('\0'),
    };
  }

  /**
   * False when no sentence holds a literal every match of `pattern` needs (one search over the
   * whole prose instead of one per sentence); true on the reference path.
   */
  mayMatch(pattern: RegExp): boolean {
    // The reference path tries every pattern, whatever a fast run of the same model found.
    if (!fastPaths.enabled) return true;
    return memo(this.possible, pattern, () =>
      mayMatchWhere(pattern, (literal, folded) => {
        const haystack = folded ? this.joined.folded : this.joined.text;
        return memo(folded ? this.holds.folded : this.holds.text, literal, () => haystack.includes(literal));
      }),
    );
  }
}

const PROSE_INDEX = new WeakMap<MarkdownModel, ProseIndex>();

/** The sentences of all the card's prose, in order, split once per Markdown model (every concept reads them). */
function proseIndex(markdown: MarkdownModel): ProseIndex {
  return memo(PROSE_INDEX, markdown, () => new ProseIndex(markdown));
}

/** Every piece of prose the card shows: before the first heading, each section's own part, HTML text. */
function proseTexts(markdown: MarkdownModel): string[] {
  return [markdown.preambleText, ...markdown.sections.map((section) => section.ownText), ...markdown.htmlTexts];
}

/** A getting-started section whose code is all stubs and whose prose is all placeholders answers nothing. */
function onlyStubs(markdown: MarkdownModel, section: Section): boolean {
  const { start, end } = section.extent;
  const blocks = markdown.codeBlocks.filter((block) => block.span.start >= start && block.span.end <= end);
  if (blocks.length === 0 || !blocks.every((block) => isStubCode(block.text))) return false;
  const inside = markdown.sections.filter((other) => other.extent.start >= start && other.extent.end <= end);
  return inside.every((other) => onlyPlaceholders(other.ownText));
}

/** A shape or sample-rate comment in a code block, read as the input (or the output it names). */
function shapeComment(blocks: readonly CodeBlock[], side: 'inputs' | 'outputs'): CodeBlock | undefined {
  return blocks.find((block) =>
    block.text.split('\n').some((line) => {
      const comment = COMMENT.exec(line)?.[1];
      if (!comment || !SHAPE_COMMENT.test(comment)) return false;
      return OUTPUT_COMMENT.test(line) === (side === 'outputs');
    }),
  );
}

/** Whether a label's line holds a value that is only a placeholder (`**Input:** [More Information Needed]`). */
function placeholderValue(doc: ParsedDocument, span: Span): boolean {
  const text = doc.text.text;
  const lineEnd = text.indexOf('\n', span.end);
  const rest = text.slice(span.end, lineEnd < 0 ? text.length : lineEnd);
  return findPlaceholders(rest).length > 0 && !/\p{L}{2,}/u.test(withoutPlaceholders(rest));
}

/**
 * Where the document answers `concept`, or undefined. Looks at the front matter, every heading
 * (any level, HTML headings too), labelled lines, sentences in the prose (HTML blocks' text
 * included), shape comments in code, and for some concepts the title's paragraph or a code example.
 */
export function findConceptEvidence(
  doc: ParsedDocument,
  concept: Concept,
  extraPhrases: readonly string[] = [],
): ConceptEvidence | undefined {
  const metadata = readableMetadata(doc);
  if (concept.frontMatter && metadata && concept.frontMatter(metadata)) {
    return { via: 'front-matter', text: 'front matter' };
  }
  const markdown = doc.markdown;
  const split = headingWordsOf(markdown);
  for (const section of markdown.sections) {
    const { text, textSpan } = section.heading;
    if (!namesConcept(text, concept, extraPhrases, split)) continue;
    if (concept.code && onlyStubs(markdown, section)) continue;
    return { via: 'heading', text, span: textSpan };
  }
  for (const heading of markdown.htmlHeadings) {
    if (namesConcept(heading.text, concept, extraPhrases, split)) return { via: 'heading', ...heading };
  }
  for (const line of markdown.labelledLines) {
    if (namesConcept(line.label, concept, extraPhrases, split) && !placeholderValue(doc, line.span)) {
      return { via: 'label', text: line.label, span: line.span };
    }
  }
  const index = concept.prose.length > 0 ? proseIndex(markdown) : undefined;
  // A pattern none of whose literals the whole prose holds is not tried sentence by sentence.
  const patterns = index ? concept.prose.filter(({ pattern }) => index.mayMatch(pattern)) : [];
  if (index && patterns.length > 0) {
    for (const { text, folded } of index.sentences) {
      // Most sentences lack every literal a pattern needs: the prefilter spares the expression.
      const found = patterns.find(({ pattern }) => testWithPrefilter(pattern, text, folded));
      if (found) return { via: 'prose', text, pattern: found.id };
    }
  }
  if (concept.codeComments) {
    const block = shapeComment(markdown.codeBlocks, concept.codeComments);
    if (block) return { via: 'code-comment', text: block.text, span: block.span };
  }
  if (concept.intro) {
    const intro = `${markdown.preambleText} ${markdown.title?.ownText ?? ''}`;
    if (/\p{L}{2,}/u.test(withoutPlaceholders(intro))) return { via: 'intro', text: intro.trim() };
  }
  if (concept.code) {
    const example = markdown.codeBlocks.find(
      (block) => (EXAMPLE_LANGUAGES.test(block.lang ?? '') || EXAMPLE_CODE.test(block.text)) && !isStubCode(block.text),
    );
    if (example) return { via: 'code', text: example.text, span: example.span };
  }
  return undefined;
}
