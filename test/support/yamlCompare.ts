import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseFastYaml } from '../../server/src/core/document/fastYaml';
import { YAML_OPTIONS } from '../../server/src/core/document/yamlOptions';

/**
 * Compares the fast YAML path with the `yaml` package on one text. Returns undefined when the
 * fast path declined the text (the reference parser is used then), else the list of
 * differences (empty when the trees and data are identical).
 */
export function compareWithReference(text: string): string[] | undefined {
  const fast = parseFastYaml(text);
  if (!fast) return undefined;
  const reference = parseDocument(text, YAML_OPTIONS);
  const differences: string[] = [];
  if (reference.errors.length > 0)
    differences.push(`yaml reports errors the fast path missed: ${reference.errors[0]?.message}`);
  if (reference.warnings.length > 0) differences.push(`yaml warns: ${reference.warnings[0]?.message}`);
  compareNodes(fast.contents, reference.contents, '$', differences);
  const expected: unknown = reference.toJS({ maxAliasCount: -1 });
  if (!isDeepStrictEqual(fast.value, expected)) differences.push('the data differ');
  return differences;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return String(node);
  if (isScalar(node)) return `scalar ${String(node.value)}`;
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  if (isAlias(node)) return `alias ${node.source}`;
  return typeof node;
}

function compareNodes(fast: unknown, reference: unknown, path: string, out: string[]): void {
  if (out.length > 20) return;
  const kind = describe(fast);
  if (kind.split(' ')[0] !== describe(reference).split(' ')[0]) {
    out.push(`${path}: ${kind} vs ${describe(reference)}`);
    return;
  }
  if (fast == null || reference == null) return;
  const a = fast as Node & Record<string, unknown>;
  const b = reference as Node & Record<string, unknown>;
  if (!isDeepStrictEqual(a.range, b.range))
    out.push(`${path}: range ${JSON.stringify(a.range)} vs ${JSON.stringify(b.range)}`);
  for (const property of ['anchor', 'tag', 'type', 'source', 'format', 'flow', 'minFractionDigits']) {
    if (!sameValue(a[property], b[property]))
      out.push(`${path}: ${property} ${String(a[property])} vs ${String(b[property])}`);
  }
  if (isScalar(a) && !sameValue(a.value, (b as unknown as { value: unknown }).value))
    out.push(`${path}: value ${String(a.value)} vs ${String((b as unknown as { value: unknown }).value)}`);
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    if (a.items.length !== b.items.length) out.push(`${path}: ${a.items.length} items vs ${b.items.length}`);
    a.items.forEach((item: unknown, index: number) => {
      const other: unknown = b.items[index];
      if (isPair(item) && isPair(other)) {
        compareNodes(item.key, other.key, `${path}.key${index}`, out);
        compareNodes(
          item.value,
          other.value,
          `${path}.${String(isScalar(item.key) ? String(item.key.value) : index)}`,
          out,
        );
      } else compareNodes(item, other, `${path}[${index}]`, out);
    });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'symbol' && typeof b === 'symbol') return a.description === b.description;
  return Object.is(a, b);
}
