/**
 * A cheap test that rules out most texts a regular expression cannot match, so that only the
 * rest pay for the expression itself (issue 13: ~130 sentence patterns with Unicode word
 * boundaries were half of `cardwright check`'s time).
 *
 * From the pattern's syntax tree (@eslint-community/regexpp) we derive sets of literal strings
 * such that every match contains at least one string of each set (the idea of RE2's and
 * codesearch's prefilters): `(?:was|were)\s\w+\s(?:collected|gathered)` needs one of the first two
 * words and one of the last two. `mayMatch` is then a few `includes` calls on a folded copy of the
 * text. It never says "no" where the expression would match: a false "maybe" only costs the real test.
 *
 * Case-insensitive patterns: literals keep only characters whose case-insensitive matches are
 * known to fold onto them with `foldForPrefilter` (ASCII, and characters without case such as
 * Han or digits); any other character ends a literal. test/unit/regexPrefilter.test.ts checks
 * that claim against every Unicode code point.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { fastPaths } from './document/fastPaths';

/** At most this many strings in a set of exact matches (their products grow fast)... */
const MAX_EXACT = 16;
/** ...and in a set a match must contain one of (one `includes` each per text)... */
const MAX_REQUIRED = 32;
/** ...and sets a match must meet all of. */
const MAX_SETS = 4;
/** A set whose shortest string is shorter than this filters too little to be worth a test. */
const MIN_LENGTH = 2;

export interface Prefilter {
  /** Fold the text before testing (`foldForPrefilter`): the pattern ignores case. */
  readonly folded: boolean;
  /** A match contains at least one string of each of these sets (the best-filtering first). */
  readonly allOf: readonly (readonly string[])[];
}

/**
 * What we know of a node: every match is exactly one of `exact`, and contains one string of
 * each set in `required`.
 */
interface Facts {
  exact?: string[];
  required?: string[][];
}

const cache = new WeakMap<RegExp, Prefilter | null>();
const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The prefilter of `pattern`, or undefined when nothing useful is known (then test the pattern). */
export function prefilterOf(pattern: RegExp): Prefilter | undefined {
  let known = cache.get(pattern);
  if (known === undefined) {
    known = derive(pattern);
    cache.set(pattern, known);
  }
  return known ?? undefined;
}

/**
 * Characters whose lower case is themselves but which case-insensitive matching takes as another
 * letter: the long s, and the historic Cyrillic forms of Extended-C (rounded ve, tall te, ...).
 * (The Kelvin sign lower-cases to `k` already.)
 */
const FOLD_ALSO: Readonly<Record<string, string>> = {
  '\u017f': 's',
  '\u1c80': 'в',
  '\u1c81': 'д',
  '\u1c82': 'о',
  '\u1c83': 'с',
  '\u1c84': 'т',
  '\u1c85': 'т',
  '\u1c86': 'ъ',
  '\u1c87': 'ѣ',
  '\u1c88': 'ꙋ',
};
const FOLD_ALSO_PATTERN = /[\u017f\u1c80-\u1c88]/g;

/** The text as case-insensitive literals are compared with: lower case, and the letters above. */
export function foldForPrefilter(text: string): string {
  return text.toLowerCase().replace(FOLD_ALSO_PATTERN, (char) => FOLD_ALSO[char] ?? char);
}

/** False only when `pattern` cannot match `text`; `folded` is `foldForPrefilter(text)` (computed once per text by the caller). */
export function mayMatch(pattern: RegExp, text: string, folded: string): boolean {
  return mayMatchWhere(pattern, (literal, inFolded) => (inFolded ? folded : text).includes(literal));
}

/**
 * `mayMatch` with the literal search given: `holds(literal, folded)` says whether the text (its
 * folded copy when `folded`) holds `literal`, so a caller asking about many patterns can answer
 * each literal once.
 */
export function mayMatchWhere(pattern: RegExp, holds: (literal: string, folded: boolean) => boolean): boolean {
  const prefilter = prefilterOf(pattern);
  if (!prefilter) return true;
  return prefilter.allOf.every((set) => set.some((literal) => holds(literal, prefilter.folded)));
}

/** `pattern.test(text)`, skipped when the prefilter rules the text out (always run on the reference path). */
export function testWithPrefilter(pattern: RegExp, text: string, folded: string): boolean {
  return (!fastPaths.enabled || mayMatch(pattern, text, folded)) && pattern.test(text);
}

function derive(pattern: RegExp): Prefilter | null {
  // Stateful flags would make `test` depend on lastIndex; such patterns are not ours to filter.
  if (pattern.global || pattern.sticky) return null;
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern.source, 0, pattern.source.length, {
      unicode: pattern.unicode,
      unicodeSets: pattern.flags.includes('v'),
    });
  } catch {
    return null;
  }
  const folded = pattern.ignoreCase;
  const sets = (disjunction(ast.alternatives, folded).required ?? []).filter((set) => shortest(set) >= MIN_LENGTH);
  if (sets.length === 0) return null;
  return { folded, allOf: sets.sort(byFiltering).slice(0, MAX_SETS) };
}

function disjunction(alternatives: readonly AST.Alternative[], folded: boolean): Facts {
  const each = alternatives.map((alternative) => sequence(alternative.elements, folded));
  const exact = unionOf(
    each.map((facts) => facts.exact),
    MAX_EXACT,
  );
  // One alternative: all it needs; several: one string of the best set of each.
  if (each.length === 1) return { exact, required: each[0]?.required };
  const required = unionOf(
    each.map((facts) => best(facts.required ?? [])),
    MAX_REQUIRED,
  );
  return { exact, required: required && shortest(required) > 0 ? [minimal(required)] : undefined };
}

/** Consecutive exactly-known elements make longer literals; every element's sets are needed. */
function sequence(elements: readonly AST.Element[], folded: boolean): Facts {
  const candidates: string[][] = [];
  let run: string[] = [''];
  let allExact = true;
  for (const element of elements) {
    const facts = element_(element, folded);
    const joined = facts.exact ? product(run, facts.exact) : undefined;
    if (joined) {
      run = joined;
      continue;
    }
    allExact = false;
    candidates.push(run);
    if (facts.required) candidates.push(...facts.required);
    run = facts.exact ?? [''];
  }
  candidates.push(run);
  const required = candidates.filter((set) => set.length > 0 && shortest(set) > 0).map(minimal);
  return { exact: allExact ? run : undefined, required: required.length > 0 ? required : undefined };
}

function element_(element: AST.Element, folded: boolean): Facts {
  switch (element.type) {
    case 'Character': {
      const char = literalChar(element.value, folded);
      return char === undefined ? {} : { exact: [char], required: [[char]] };
    }
    case 'CharacterClass':
      return characterClass(element, folded);
    case 'Assertion':
      // Zero-width (^, $, \b, lookarounds): consumes nothing, so it adds nothing to a match.
      return { exact: [''] };
    case 'Group':
      // `(?i:...)` changes how its letters match: not worth modelling.
      return element.modifiers ? {} : disjunction(element.alternatives, folded);
    case 'CapturingGroup':
      return disjunction(element.alternatives, folded);
    case 'Quantifier': {
      const inner = element_(element.element, folded);
      if (element.min === 0) {
        return { exact: element.max === 1 && inner.exact ? unionOf([inner.exact, ['']], MAX_EXACT) : undefined };
      }
      return { exact: element.min === 1 && element.max === 1 ? inner.exact : undefined, required: inner.required };
    }
    default:
      // Character sets (., \d, \s, \p{...}), backreferences, class strings: anything.
      return {};
  }
}

function characterClass(node: AST.CharacterClass, folded: boolean): Facts {
  if (node.negate || node.elements.length > MAX_EXACT) return {};
  const chars: string[] = [];
  for (const element of node.elements) {
    if (element.type !== 'Character') return {};
    const char = literalChar(element.value, folded);
    if (char === undefined) return {};
    if (!chars.includes(char)) chars.push(char);
  }
  return chars.length ? { exact: chars, required: [chars] } : {};
}

/**
 * The character as it appears in folded text, or undefined when case-insensitive matching could
 * take characters that `foldForPrefilter` does not turn into the same one.
 */
function literalChar(codePoint: number, folded: boolean): string | undefined {
  const char = String.fromCodePoint(codePoint);
  if (!folded) return char;
  if (!foldsSafely(codePoint)) return undefined;
  const lower = foldForPrefilter(char);
  return lower.length === char.length ? lower : undefined;
}

/**
 * Characters whose case-insensitive matches all fold to one character: ASCII, Latin-1 and Latin
 * Extended-A letters but the dotted capital I (whose lower case is two characters), Cyrillic, and
 * characters without case (Han, kana, Hangul, digits, punctuation). Greek is left out: its capital
 * sigma lower-cases by position. Verified over every code point by the unit test.
 */
export function foldsSafely(codePoint: number): boolean {
  if (codePoint < 0x80) return true;
  if ((codePoint >= 0xc0 && codePoint <= 0x17f && codePoint !== 0x130) || (codePoint >= 0x400 && codePoint <= 0x4ff)) {
    return true;
  }
  const char = String.fromCodePoint(codePoint);
  return char.toLowerCase() === char && char.toUpperCase() === char;
}

function product(left: readonly string[], right: readonly string[]): string[] | undefined {
  if (left.length * right.length > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return [...out];
}

function unionOf(sets: readonly (readonly string[] | undefined)[], limit: number): string[] | undefined {
  const out = new Set<string>();
  for (const set of sets) {
    if (!set) return undefined;
    for (const value of set) out.add(value);
  }
  return out.size <= limit ? [...out] : undefined;
}

/**
 * A required set without the strings that contain another of its strings: a text that holds
 * `destinées` holds `destiné`, so (`destiné`, `destinée`, `destinés`) needs only the first.
 */
function minimal(set: readonly string[]): string[] {
  const kept: string[] = [];
  for (const value of [...set].sort((a, b) => a.length - b.length)) {
    if (!kept.some((shorter) => value.includes(shorter))) kept.push(value);
  }
  return kept;
}

function shortest(set: readonly string[]): number {
  return Math.min(...set.map((value) => value.length));
}

/** The set whose shortest string is longest (fewer strings on a tie); none when all are empty. */
function best(candidates: readonly string[][]): string[] | undefined {
  const usable = candidates.filter((candidate) => candidate.length > 0 && shortest(candidate) > 0);
  return usable.sort(byFiltering)[0];
}

/** Sets that rule out more texts first: a longer shortest string, then fewer strings. */
function byFiltering(a: readonly string[], b: readonly string[]): number {
  return shortest(b) - shortest(a) || a.length - b.length;
}
