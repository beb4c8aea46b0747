import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdownFast } from '../../server/src/core/document/fastMarkdown';

const REMARK = unified().use(remarkParse).use(remarkGfm).freeze();

export function remarkTree(text: string): Root {
  return REMARK.parse(text) as Root;
}

/**
 * A tree as text: every node's type, position (offsets, lines, columns) and the fields a reader
 * of the tree uses (values, heading depths, code language and meta, image alts, link targets and titles,
 * references' identifiers, labels and kinds).
 */
export function treeText(node: Nodes): string {
  const position = node.position
    ? `${node.position.start.offset}-${node.position.end.offset}@${node.position.start.line}:${node.position.start.column}-${node.position.end.line}:${node.position.end.column}`
    : 'none';
  const fields = [
    'value',
    'depth',
    'lang',
    'meta',
    'alt',
    'url',
    'title',
    'ordered',
    'identifier',
    'label',
    'referenceType',
  ].flatMap((key) =>
    key in node ? [`${key}=${JSON.stringify((node as unknown as Record<string, unknown>)[key])}`] : [],
  );
  const children = 'children' in node ? `[${node.children.map((child) => treeText(child)).join(', ')}]` : '';
  return `${node.type}(${[position, ...fields].join(' ')})${children}`;
}

export interface FastResult {
  /** The fast path's tree as text, or undefined when it declined the document. */
  fast?: string;
  reference: string;
  /** Whether a block was handed back to remark. */
  handedBack: boolean;
}

export function compareWithRemark(text: string): FastResult {
  let handedBack = false;
  const fast = parseMarkdownFast(text, (slice) => {
    handedBack = true;
    return remarkTree(slice);
  });
  return { fast: fast && treeText(fast), reference: treeText(remarkTree(text)), handedBack };
}
