/**
 * GFM literal autolinks (`www.x.org`, `https://x.org/a`, `me@x.org`) found as micromark's
 * gfm-autolink-literal extension finds them while it tokenizes text, so that the fast Markdown
 * path gives remark's links with remark's positions. A port of that extension's states, one
 * UTF-16 code unit at a time as micromark reads them; `end` is where the text stops (the end of
 * the paragraph, heading or cell), read as micromark's end of input.
 */

const LEFT_PAREN = 40;
const RIGHT_PAREN = 41;

export interface LiteralAutolink {
  kind: 'www' | 'http' | 'email';
  start: number;
  end: number;
}

/**
 * The literal autolink micromark reads at `at`, if any; `previous` is the character micromark
 * saw before it (none at the start of a paragraph).
 */
export function literalAutolinkAt(
  text: string,
  at: number,
  end: number,
  previous: number | null,
): LiteralAutolink | undefined {
  const code = text.charCodeAt(at);
  // micromark tries the email construct first, then www or http by the first letter.
  if (isAtext(code) && previousEmail(previous)) {
    const stop = emailEnd(text, at, end);
    if (stop > 0) return { kind: 'email', start: at, end: stop };
  }
  if ((code === 87 || code === 119) && previousWww(previous)) {
    const stop = wwwEnd(text, at, end);
    if (stop > 0) return { kind: 'www', start: at, end: stop };
  }
  if ((code === 72 || code === 104) && !isAsciiAlpha(previous)) {
    const stop = httpEnd(text, at, end);
    if (stop > 0) return { kind: 'http', start: at, end: stop };
  }
  return undefined;
}

function codeAt(text: string, at: number, end: number): number | null {
  return at < end ? text.charCodeAt(at) : null;
}

function emailEnd(text: string, start: number, end: number): number {
  let at = start;
  while (isAtext(codeAt(text, at, end))) at++;
  if (codeAt(text, at, end) !== 64 /* @ */) return -1;
  at++;
  let dot = false;
  let data = false;
  for (;;) {
    const code = codeAt(text, at, end);
    if (code === 46 /* . */) {
      // A dot not followed by a letter or digit ends the address.
      if (!isAsciiAlphanumeric(codeAt(text, at + 1, end))) break;
      dot = true;
      at++;
    } else if (code === 45 || code === 95 || isAsciiAlphanumeric(code)) {
      data = true;
      at++;
    } else {
      break;
    }
  }
  return data && dot && isAsciiAlpha(text.charCodeAt(at - 1)) ? at : -1;
}

function wwwEnd(text: string, start: number, end: number): number {
  let at = start;
  for (let size = 0; size < 3; size++, at++) {
    const code = codeAt(text, at, end);
    if (code !== 87 && code !== 119) return -1;
  }
  if (codeAt(text, at, end) !== 46 || at + 1 >= end) return -1;
  const domain = domainEnd(text, start, end);
  return domain < 0 ? -1 : pathEnd(text, domain, end);
}

function httpEnd(text: string, start: number, end: number): number {
  let at = start;
  let protocol = '';
  for (;;) {
    const code = codeAt(text, at, end);
    if (isAsciiAlpha(code) && protocol.length < 5) {
      protocol += text[at];
      at++;
    } else {
      break;
    }
  }
  const lower = protocol.toLowerCase();
  if (codeAt(text, at, end) !== 58 /* : */ || (lower !== 'http' && lower !== 'https')) return -1;
  at++;
  if (codeAt(text, at, end) !== 47 || codeAt(text, at + 1, end) !== 47) return -1;
  at += 2;
  const after = codeAt(text, at, end);
  if (after === null || after < 32 || after === 127 || isWhitespace(after) || isPunctuation(after)) return -1;
  const domain = domainEnd(text, at, end);
  return domain < 0 ? -1 : pathEnd(text, domain, end);
}

function domainEnd(text: string, start: number, end: number): number {
  let at = start;
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  let seen = false;
  for (;;) {
    const code = codeAt(text, at, end);
    if (code === 46 || code === 95) {
      if (trailEnds(text, at, end)) break;
      if (code === 95) {
        underscoreInLast = true;
      } else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      at++;
      continue;
    }
    if (code === null || isWhitespace(code) || (code !== 45 && isPunctuation(code))) break;
    seen = true;
    at++;
  }
  return underscoreInLastButOne || underscoreInLast || !seen ? -1 : at;
}

/** Characters that may end a path as trailing punctuation rather than belong to it. */
const PATH_TRAIL = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

function pathEnd(text: string, start: number, end: number): number {
  let at = start;
  let open = 0;
  let close = 0;
  for (;;) {
    const code = codeAt(text, at, end);
    if (code === LEFT_PAREN) {
      open++;
      at++;
      continue;
    }
    if (code === RIGHT_PAREN && close < open) {
      close++;
      at++;
      continue;
    }
    if (code !== null && PATH_TRAIL.has(code)) {
      if (trailEnds(text, at, end)) return at;
      if (code === RIGHT_PAREN) close++;
      at++;
      continue;
    }
    if (code === null || isWhitespace(code)) return at;
    at++;
  }
}

/** Whether the punctuation from `at` on is a trail: followed by the end, a space or `<`. */
function trailEnds(text: string, start: number, end: number): boolean {
  let at = start;
  for (;;) {
    const code = codeAt(text, at, end);
    if (code === 33 || code === 34 || code === 39 || code === 41 || code === 42 || code === 44 || code === 46) at++;
    else if (code === 58 || code === 59 || code === 63 || code === 95 || code === 126) at++;
    else if (code === 38 /* & */) {
      at++;
      if (!isAsciiAlpha(codeAt(text, at, end))) return false;
      while (isAsciiAlpha(codeAt(text, at, end))) at++;
      if (codeAt(text, at, end) !== 59) return false;
      at++;
    } else if (code === 93 /* ] */) {
      at++;
      const next = codeAt(text, at, end);
      if (next === null || next === LEFT_PAREN || next === 91 || isWhitespace(next)) return true;
    } else {
      return code === 60 || code === null || isWhitespace(code);
    }
  }
}

/** micromark's check: a space, a tab or a line ending before (`markdownLineEndingOrSpace`), not any white space. */
function previousWww(code: number | null): boolean {
  return (
    code === null ||
    code === 40 ||
    code === 42 ||
    code === 95 ||
    code === 91 ||
    code === 93 ||
    code === 126 ||
    code === 32 ||
    code === 9 ||
    code === 10
  );
}

function previousEmail(code: number | null): boolean {
  return !(code === 47 || isAtext(code));
}

function isAtext(code: number | null): boolean {
  return code === 43 || code === 45 || code === 46 || code === 95 || isAsciiAlphanumeric(code);
}

function isAsciiAlpha(code: number | null): boolean {
  return code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}

function isAsciiAlphanumeric(code: number | null): boolean {
  return isAsciiAlpha(code) || (code !== null && code >= 48 && code <= 57);
}

/** micromark's unicodeWhitespace (line endings and spaces included). */
function isWhitespace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** micromark's unicodePunctuation: Unicode punctuation and symbols, ASCII ones included. */
function isPunctuation(code: number): boolean {
  return /[\p{P}\p{S}]/u.test(String.fromCharCode(code));
}
