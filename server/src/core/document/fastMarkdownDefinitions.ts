import type { SyntaxNode } from '@lezer/common';
import type { Definition } from 'mdast';
import type { LineIndex } from './lineIndex';

/**
 * Link definitions for the fast Markdown path (see fastMarkdown.ts): `[label]: url "title"` lines
 * at the top level, read as micromark reads them, and the labels they define, which make `[label]`
 * anywhere in the document a reference. Only the plain one-line form is read here; a document
 * with any other (a title on its own line, escapes or references in the destination, a definition
 * inside a list or quote) is remark's.
 */

/** A line that may start a link definition (`[label]: url`), in a block quote or list item too. */
export const MAYBE_DEFINITION = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))*[ \t]*\[(?:[^\]\\]|\\[\s\S])*\]:/m;

/**
 * The plain one-line definition: up to three spaces, a label without brackets, backslashes or `&`
 * (mdast decodes references in labels) and with a character other than white space, a
 * destination without spaces, control characters, parentheses, backslashes or `&` (or in `<>`),
 * an optional quoted title without backslashes or `&`.
 */
const PLAIN_DEFINITION =
  // eslint-disable-next-line no-control-regex -- micromark ends a bare destination at a control character
  /^ {0,3}\[([^[\]\\\n&]*[^[\]\\\s&][^[\]\\\n&]*)\]:[ \t]*(?:<([^<>\n\\&]*)>|([^\s<>()\\&\x00-\x1f\x7f]+))(?:[ \t]+(?:"([^"\\\n&]*)"|'([^'\\\n&]*)'))?[ \t]*$/;

export interface DocumentDefinitions {
  /** The definitions' mdast, by their lezer node's start. */
  byStart: Map<number, Definition>;
  /** The labels defined, as mdast identifiers. */
  identifiers: Set<string>;
  /** Their lines, for remark to read after a handed-back slice (so its references resolve). */
  text: string;
}

/** A label as micromark compares labels, in mdast's lower case: white space collapsed, case folded. */
export function labelIdentifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/**
 * The document's definitions, or undefined when remark must read it: every line that may start a
 * definition must be the whole of a top-level definition of the plain form.
 */
export function readDefinitions(source: string, top: SyntaxNode, lines: LineIndex): DocumentDefinitions | undefined {
  const definitions: DocumentDefinitions = { byStart: new Map(), identifiers: new Set(), text: '' };
  const starts = new Set<number>();
  const texts: string[] = [];
  for (let node = top.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'LinkReference') continue;
    const lineStart = lines.lineStart(node.from);
    const lineEnd = lines.lineEnd(node.from);
    const line = source.slice(lineStart, lineEnd);
    const match = PLAIN_DEFINITION.exec(line);
    // The node must end on its line (a title on the next line is not the plain form).
    if (!match || source.slice(node.to, lineEnd).trim() !== '' || node.to > lineEnd) return undefined;
    const [, label = '', bracketed, bare, doubleQuoted, singleQuoted] = match;
    const open = lineStart + line.indexOf('[');
    const identifier = labelIdentifier(label);
    definitions.byStart.set(node.from, {
      type: 'definition',
      identifier,
      label,
      url: bracketed ?? bare ?? '',
      title: doubleQuoted ?? singleQuoted ?? null,
      position: lines.position(open, lineEnd),
    });
    definitions.identifiers.add(identifier);
    starts.add(lineStart);
    texts.push(line);
  }
  for (const match of source.matchAll(new RegExp(MAYBE_DEFINITION.source, 'gm'))) {
    if (!starts.has(match.index ?? -1)) return undefined;
  }
  // Next to other blocks, micromark and lezer read a definition's neighbours differently (a
  // setext heading after one starts at the definition to remark): only blank lines or other
  // definitions around it here.
  for (const start of starts) {
    const before = start === 0 ? undefined : lines.lineStart(start - 1);
    const after = lines.lineEnd(start) + 1;
    for (const neighbour of [before, after < source.length ? after : undefined]) {
      if (neighbour === undefined || starts.has(neighbour)) continue;
      if (source.slice(neighbour, lines.lineEnd(neighbour)).trim() !== '') return undefined;
    }
  }
  definitions.text = texts.join('\n');
  return definitions;
}
