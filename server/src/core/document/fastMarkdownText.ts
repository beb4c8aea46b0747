import type { PhrasingContent } from 'mdast';

/** Small text helpers of the fast Markdown path's readers (blocks, tables, phrasing). */

/** A space or a tab: the white space CommonMark strips around a line's content. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** mdast-util-to-string, for an image's alt. */
export function toPlainString(node: PhrasingContent): string {
  if ('value' in node) return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return node.children.map(toPlainString).join('');
  return '';
}

/** A code span's value: one space of padding on both sides is dropped when the code is not all spaces. */
export function codeSpanValue(raw: string): string {
  if (raw.length > 2 && raw.startsWith(' ') && raw.endsWith(' ') && /[^ ]/.test(raw)) return raw.slice(1, -1);
  return raw;
}
