import { distance } from 'fastest-levenshtein';

/** Lowercase, without separators: `Apache 2.0` and `apache-2.0` compare equal. */
function normalize(value: string): string {
  return value.toLowerCase().replace(/[\s._\-/]+/g, '');
}

/**
 * The known values closest to `value`, best first: "did you mean" for enums, keys and codes.
 * A candidate counts only when it is plausibly a typo: at most one edit per five characters (and
 * never more than three), so `licence` finds `license` and `apache2` finds `apache-2.0`, but
 * `summarization` does not find `lemmatization` (three edits in thirteen) and `foo` finds nothing.
 * Renamed values are not typos: knownRenames.ts maps those.
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = normalize(value);
  if (wanted === '') return [];
  const scored: { candidate: string; score: number; exact: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const normalized = normalize(candidate);
    const score = isAdjacentSwap(wanted, normalized) ? 1 : distance(wanted, normalized);
    const allowed = Math.min(3, Math.max(1, Math.floor(Math.max(wanted.length, normalized.length) / 5)));
    if (score <= allowed) scored.push({ candidate, score, exact: distance(value, candidate) });
  }
  // Ties on the normalized distance go to the candidate closest as written (case included).
  scored.sort((a, b) => a.score - b.score || a.exact - b.exact || a.candidate.length - b.candidate.length);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** "Did you mean" phrase for a message, or an empty string. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`;
}

/** `froce` / `force`: one swapped pair of neighbours, which Levenshtein counts as two edits. */
function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let index = 0; index < a.length; index++) {
    if (a[index] === b[index]) continue;
    if (first >= 0)
      return (
        index === first + 1 &&
        a[first] === b[index] &&
        a[index] === b[first] &&
        a.slice(index + 1) === b.slice(index + 1)
      );
    first = index;
  }
  return false;
}
