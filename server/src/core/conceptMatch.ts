import type { Concept } from './concepts';
import type { Span } from './diagnostic';
import type { ParsedDocument } from './document/parsedDocument';
import { withoutPlaceholders } from './placeholders';
import { readableMetadata } from './rules/metadata';

/** What answered a concept, and where (for hovers, quick-fixes and the corpus report). */
export interface ConceptEvidence {
  via: 'front-matter' | 'heading' | 'label' | 'prose' | 'intro' | 'code';
  text: string;
  span?: Span;
}

/**
 * A heading or label as words: lower case, `&` and `+` read as "and", a trailing `[optional]`
 * (the Hub template's marker) dropped, punctuation and emoji as spaces.
 */
export function headingWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\s:.]*[[(]\s*optional\s*[\])][\s:.]*$/u, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Singular and plural spellings are the same word here: "limitation(s)", "bias(es)", "use(s)". */
function sameWord(a: string, b: string): boolean {
  return a === b || a + 's' === b || b + 's' === a || a + 'es' === b || b + 'es' === a;
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let at = 0; at + phrase.length <= words.length; at++) {
    if (phrase.every((word, index) => sameWord(words[at + index] ?? '', word))) return true;
  }
  return false;
}

function equalPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return words.length === phrase.length && containsPhrase(words, phrase);
}

/** Whether a heading or label text names the concept (with the project's extra synonyms). */
export function namesConcept(text: string, concept: Concept, extraPhrases: readonly string[] = []): boolean {
  const words = headingWords(text);
  if (words.length === 0) return false;
  if (concept.exact?.some((exact) => equalPhrase(words, headingWords(exact)))) return true;
  return [...concept.phrases, ...extraPhrases].some((phrase) => containsPhrase(words, headingWords(phrase)));
}

/** Fenced code in these languages is a runnable example; data, citations and output are not. */
const EXAMPLE_LANGUAGES =
  /^(python|py|python3|bash|sh|shell|console|zsh|javascript|js|typescript|ts|r|julia|cpp|c\+\+|rust|go|java|swift|kotlin)$/i;
const EXAMPLE_CODE = /\b(import |from_pretrained|pip install|pipeline\(|load_dataset|curl |docker run)/;

/**
 * Where the document answers `concept`, or undefined. Looks at the front matter, every heading
 * (any level, HTML headings too), labelled lines, and for some concepts the title's paragraph or
 * a code example.
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
  for (const section of markdown.sections) {
    const { text, textSpan } = section.heading;
    if (namesConcept(text, concept, extraPhrases)) return { via: 'heading', text, span: textSpan };
  }
  for (const heading of markdown.htmlHeadings) {
    if (namesConcept(heading.text, concept, extraPhrases)) return { via: 'heading', ...heading };
  }
  for (const line of markdown.labelledLines) {
    if (namesConcept(line.label, concept, extraPhrases)) return { via: 'label', text: line.label, span: line.span };
  }
  if (concept.prose) {
    // Whole sections' prose, so a sentence split by inline markup still reads as one.
    const texts = [markdown.preambleText, ...markdown.sections.map((section) => section.ownText)];
    for (const text of texts) {
      const match = concept.prose.map((pattern) => pattern.exec(text)).find(Boolean);
      if (match) return { via: 'prose', text: match[0] };
    }
  }
  if (concept.intro) {
    const intro = `${markdown.preambleText} ${markdown.title?.ownText ?? ''}`;
    if (/\p{L}{2,}/u.test(withoutPlaceholders(intro))) return { via: 'intro', text: intro.trim() };
  }
  if (concept.code) {
    const example = markdown.codeBlocks.find(
      (block) => EXAMPLE_LANGUAGES.test(block.lang ?? '') || EXAMPLE_CODE.test(block.text),
    );
    if (example) return { via: 'code', text: example.text, span: example.span };
  }
  return undefined;
}
