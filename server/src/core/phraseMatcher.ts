import type { Concept } from './concepts';

/**
 * Whether a heading or label (as words) names a concept: holds one of its phrases, or is exactly
 * one of its exact phrases. Every heading and label of a card is compared with every concept, so
 * a concept's phrases are indexed by their first word: a heading's words are looked up one by
 * one instead of each phrase being tried at each position (which was a tenth of a `check` run).
 */
export class PhraseMatcher {
  /** Phrases by first word (as spelled in the phrase). */
  private readonly byFirstWord = new Map<string, (readonly string[])[]>();
  /** One-word phrases that are stems (`licen*`): any word starting so matches. */
  private readonly stems: string[] = [];
  /** Chinese, Japanese and Korean phrases, matched as substrings of the words run together. */
  private readonly unspaced: string[] = [];
  private readonly exact: (readonly string[])[];

  constructor(phrases: readonly string[], exact: readonly string[]) {
    for (const phrase of phrases) {
      if (UNSPACED.test(phrase)) {
        this.unspaced.push(headingWords(phrase).join(''));
        continue;
      }
      const words = phraseWords(phrase);
      const [first] = words;
      if (first === undefined) continue;
      if (words.length === 1 && first.endsWith('*')) this.stems.push(first.slice(0, -1));
      else this.byFirstWord.set(first, [...(this.byFirstWord.get(first) ?? []), words]);
    }
    this.exact = exact.map(headingWords);
  }

  matches(words: readonly string[]): boolean {
    if (words.length === 0) return false;
    if (this.exact.some((phrase) => phrase.length === words.length && matchesAt(words, 0, phrase))) return true;
    if (this.unspaced.length > 0) {
      const joined = words.join('');
      if (this.unspaced.some((phrase) => joined.includes(phrase))) return true;
    }
    for (let at = 0; at < words.length; at++) {
      const word = words[at] as string;
      if (this.stems.some((stem) => word.startsWith(stem))) return true;
      for (const first of spellingsOf(word)) {
        for (const phrase of this.byFirstWord.get(first) ?? []) if (matchesAt(words, at, phrase)) return true;
      }
    }
    return false;
  }
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

/** The matcher of a concept with a project's extra synonyms, made once per both. */
export function phraseMatcher(concept: Concept, extraPhrases: readonly string[]): PhraseMatcher {
  let byExtras = MATCHERS.get(concept);
  if (!byExtras) MATCHERS.set(concept, (byExtras = new Map()));
  const key = extraPhrases.join('\u0000');
  let matcher = byExtras.get(key);
  if (!matcher)
    byExtras.set(key, (matcher = new PhraseMatcher([...concept.phrases, ...extraPhrases], concept.exact ?? [])));
  return matcher;
}

const MATCHERS = new WeakMap<Concept, Map<string, PhraseMatcher>>();

/** Chinese, Japanese and Korean are written without spaces between words: phrases match as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A phrase as words; a trailing `*` (a stem) survives the split. */
function phraseWords(phrase: string): string[] {
  const stem = phrase.endsWith('*');
  const split = headingWords(stem ? phrase.slice(0, -1) : phrase);
  if (stem && split.length > 0) split[split.length - 1] += '*';
  return split;
}

/** Singular and plural spellings are the same word here: "limitation(s)", "bias(es)", "use(s)". */
function sameWord(word: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  return (
    word === pattern ||
    word + 's' === pattern ||
    pattern + 's' === word ||
    word + 'es' === pattern ||
    pattern + 'es' === word
  );
}

/** Every phrase word `sameWord` pairs with `word`, but stems. */
function spellingsOf(word: string): string[] {
  const out = [word, `${word}s`, `${word}es`];
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  return out;
}

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  return phrase.every((word, index) => sameWord(words[at + index] as string, word));
}
