import { distance } from 'fastest-levenshtein';

/** Lowercase, without separators: `Apache 2.0` and `apache-2.0` compare equal. */
function normalize(value: string): string {
  return value.toLowerCase().replace(/[\s._\-/]+/g, '');
}

/**
 * The known values closest to `value`, best first: "did you mean" for enums, keys and codes.
 * A candidate counts when its edit distance (on normalized forms) is small for its length, so
 * `licence` finds `license` but `foo` finds nothing.
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = normalize(value);
  if (wanted === '') return [];
  const scored: { candidate: string; score: number; exact: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const normalized = normalize(candidate);
    const score = distance(wanted, normalized);
    const allowed = Math.max(1, Math.floor(Math.max(wanted.length, normalized.length) / 4));
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
