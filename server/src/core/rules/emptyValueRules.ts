import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { keyText } from '../document/yamlTree';
import type { RuleFamily } from './rule';

/**
 * A key with no value (`language:`) passes the Hub's validator but says nothing: usually a
 * template field that was never filled in.
 */
export const emptyValueRules: RuleFamily = {
  name: 'empty-value',
  kinds: ['model-card', 'dataset-card'],
  codes: [{ code: 'empty-value', severity: 'warning', summary: 'A metadata key with no value.' }],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree || tree.syntaxErrors.length > 0) return;
    const visit = (node: Node | null, path: string): void => {
      // `{lang_0}` in a flow mapping is an unfilled template placeholder, not an empty key.
      if (isMap(node) && !node.flow) {
        for (const pair of node.items) {
          const key = keyText(pair);
          const value = pair.value as Node | null;
          const keyPath = path ? `${path}.${key}` : key;
          // Only a key with nothing after it: an explicit `null` or `~` is a deliberate "none".
          const empty = value == null || (isScalar(value) && value.value === null && isBlank(value.range));
          if (empty && isScalar(pair.key)) {
            report({
              code: 'empty-value',
              span: tree.spanOf(pair.key),
              message: `"${keyPath}" has no value: fill it in or remove the key.`,
              data: { path: keyPath, key },
            });
          } else {
            visit(value, keyPath);
          }
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => visit(item as Node | null, `${path}[${index}]`));
      }
    };
    visit(tree.root, '');
  },
};

function isBlank(range: [number, number, number] | null | undefined): boolean {
  return !range || range[0] === range[1];
}
