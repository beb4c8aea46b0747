/**
 * The line that tells a script Cardwright wrote (and nobody edited since) from one the user
 * changed: `# cardwright: generated sha256=<hash of every other line>`. The hash function is
 * injected because the core imports no node modules (the CLI and server pass node:crypto's).
 */

/** Hex SHA-256 of a string's UTF-8 bytes. */
export type Sha256 = (text: string) => string;

const MARKER_PREFIX = '# cardwright: generated sha256=';
const MARKER_LINE = /^# cardwright: generated sha256=([0-9a-f]{64})[ \t]*(?:\r?\n|$)/m;

/** The marker line (with its newline) for `body`, the script without that line. */
export function markerLine(body: string, sha256: Sha256): string {
  return `${MARKER_PREFIX}${sha256(body)}\n`;
}

/**
 * Inserts the marker after the first `headerLines` lines of `body` (the header comment), hashing
 * the body without it.
 */
export function withMarker(body: string, headerLines: number, sha256: Sha256): string {
  const lines = body.split('\n');
  const head = lines.slice(0, headerLines).join('\n');
  const rest = lines.slice(headerLines).join('\n');
  return `${head}\n${markerLine(body, sha256)}${rest}`;
}

/**
 * Whether `text` is exactly what Cardwright generated: it has a marker and the rest of the file
 * still hashes to it. False for a file without a marker (the user's own script).
 */
export function isUnchangedSinceGenerated(text: string, sha256: Sha256): boolean {
  const match = MARKER_LINE.exec(text);
  if (!match) return false;
  const body = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  return sha256(body) === match[1];
}
