/**
 * The sentence patterns are written with `\b` and `[\w-]`, but JavaScript's `\b` and `\w` know only
 * ASCII, so "für" or "обучена" would have no word boundaries. `unicodeWordPattern` rewrites them:
 * `\w` inside brackets becomes `\p{L}\p{N}_`, and `\b` becomes a boundary between a Unicode letter
 * or digit and anything else.
 *
 * The full boundary needs four lookarounds of a class of ~800 ranges, and V8 spends ~0.3 ms on
 * each such class when it compiles a pattern: two thirds of compiling the ~70 patterns, once per
 * process (issue 13). Where the pattern itself puts a letter on one side of the `\b`
 * (`\b(?:is|are)`), only the other side needs testing: `(?<!L)` before a letter, `(?!L)` after one.
 * test/unit/unicodeWords.test.ts checks both forms agree on random sentences and the letters'
 * case variants.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { foldsSafely } from '../regexPrefilter';
import type { SentencePattern } from './sentences';

const LETTER = String.raw`[\p{L}\p{N}_]`;
/** A word boundary in Unicode terms: a letter on exactly one side. */
const BOUNDARY = `(?:(?<=${LETTER})(?!${LETTER})|(?<!${LETTER})(?=${LETTER}))`;
const WORD_CLASS = String.raw`\p{L}\p{N}_`;
const parser = new RegExpParser({ ecmaVersion: 2025 });

/** A pattern as written, compiled on first use (lazyPatterns). */
export interface WrittenPattern {
  readonly source: string;
  readonly flags: string;
}

/** `source` with `\b` and `[\w]` meant as Unicode word boundaries and letters; compiled lazily. */
export function written(source: string, flags = 'iu'): WrittenPattern {
  return { source, flags };
}

/**
 * The entries with `pattern` compiled on first read: parsing and rewriting ~70 patterns took
 * ~30 ms at every start, and a check of one small card reads few of them.
 */
export function lazyPatterns(
  entries: readonly (Omit<SentencePattern, 'pattern'> & { pattern: WrittenPattern })[],
): SentencePattern[] {
  return entries.map(({ pattern: spec, ...rest }) => {
    let compiled: RegExp | undefined;
    return Object.defineProperty({ ...rest }, 'pattern', {
      enumerable: true,
      get: () => (compiled ??= unicodeWordPattern(spec.source, spec.flags)),
    }) as SentencePattern;
  });
}

/** What each pattern was written as, for the tests' reference form. */
const writtenSources = new WeakMap<RegExp, WrittenPattern>();

/** The source and flags `pattern` was written with, when unicodeWordPattern made it. */
export function writtenAs(pattern: RegExp): WrittenPattern | undefined {
  return writtenSources.get(pattern);
}

/** The pattern of `source` (written with ASCII `\b` and `[\w]`) that knows letters beyond ASCII. */
export function unicodeWordPattern(source: string, flags = 'iu'): RegExp {
  const ast = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (alternatives: readonly AST.Alternative[]): void => {
    for (const { elements } of alternatives) {
      elements.forEach((element, index) => {
        if (element.type === 'Assertion' && element.kind === 'word' && !element.negate) {
          edits.push({
            start: element.start,
            end: element.end,
            text: boundary(elements[index - 1], elements[index + 1]),
          });
        } else if (element.type === 'Group' || element.type === 'CapturingGroup') {
          visit(element.alternatives);
        } else if (element.type === 'Assertion' && (element.kind === 'lookahead' || element.kind === 'lookbehind')) {
          visit(element.alternatives);
        } else if (element.type === 'Quantifier') {
          const inner = element.element;
          if (inner.type === 'Group' || inner.type === 'CapturingGroup') visit(inner.alternatives);
        }
      });
    }
  };
  visit(ast.alternatives);
  let rewritten = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  }
  const pattern = new RegExp(rewritten.replace(/\\w/g, WORD_CLASS), flags);
  writtenSources.set(pattern, { source, flags });
  return pattern;
}

/** The pattern with every `\b` as the full four-lookaround boundary: what the tests compare against. */
export function referenceWordPattern(source: string, flags = 'iu'): RegExp {
  return new RegExp(source.replace(/\\b/g, BOUNDARY).replace(/\\w/g, WORD_CLASS), flags);
}

function boundary(before: AST.Element | undefined, after: AST.Element | undefined): string {
  const letterBefore = before !== undefined && endsWithLetter(before);
  const letterAfter = after !== undefined && startsWithLetter(after);
  if (letterAfter && !letterBefore) return `(?<!${LETTER})`;
  if (letterBefore && !letterAfter) return `(?!${LETTER})`;
  return BOUNDARY;
}

function startsWithLetter(element: AST.Element): boolean {
  return edgeIsLetter(element, (elements) => elements[0]);
}

function endsWithLetter(element: AST.Element): boolean {
  return edgeIsLetter(element, (elements) => elements.at(-1));
}

/** Whether every match of `element` has a letter at the edge `pick` chooses (false when unsure). */
function edgeIsLetter(
  element: AST.Element,
  pick: (elements: readonly AST.Element[]) => AST.Element | undefined,
): boolean {
  switch (element.type) {
    case 'Character':
      return certainLetter(element.value);
    case 'CharacterClass':
      return (
        !element.negate &&
        element.elements.length > 0 &&
        element.elements.every((member) =>
          member.type === 'Character'
            ? certainLetter(member.value)
            : member.type === 'CharacterClassRange' && asciiRange(member.min.value, member.max.value),
        )
      );
    case 'Group':
    case 'CapturingGroup':
      return element.alternatives.every(({ elements }) => {
        const edge = pick(elements);
        return edge !== undefined && edgeIsLetter(edge, pick);
      });
    case 'Quantifier':
      return element.min >= 1 && edgeIsLetter(element.element, pick);
    default:
      return false;
  }
}

/**
 * A character every case-insensitive match of which is a letter or digit: ASCII ones, and letters
 * whose case variants fold safely (regexPrefilter.ts). Not, say, Greek iota, which the combining
 * ypogegrammeni (not a letter) matches under `/iu`.
 */
function certainLetter(codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  if (codePoint < 0x80) return /[A-Za-z0-9_]/.test(char);
  return foldsSafely(codePoint) && /[\p{L}\p{N}]/u.test(char);
}

/** `a-z`, `A-Z` or `0-9`, or part of one. */
function asciiRange(min: number, max: number): boolean {
  const within = (low: string, high: string): boolean =>
    min >= low.charCodeAt(0) && max <= high.charCodeAt(0) && min <= max;
  return within('a', 'z') || within('A', 'Z') || within('0', '9');
}
