import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostic';
import type { YamlTree } from '../document/yamlTree';
import { readableMetadata } from './metadata';
import type { Finding, RuleFamily } from './rule';

/**
 * `model-index` entries that the schema lets through but that client libraries cannot read:
 * huggingface_hub's ModelCardData reads every result's `dataset` and every entry's `results`, and
 * one missing makes the whole model-index unreadable (`ModelCard.load` raises, or with
 * `ignore_metadata_errors` drops every result); an entry with `results: []` shows no evaluation.
 * The types the schema checks (and `task`, `metrics`, which it requires) are left to schema-*.
 */
export const modelIndexRules: RuleFamily = {
  name: 'model-index',
  kinds: ['model-card'],
  codes: [
    {
      code: 'model-index-incomplete',
      severity: 'warning',
      summary:
        'A `model-index` entry without results, or a result without `dataset` (client libraries drop the block).',
    },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree || !readableMetadata(doc)) return;
    const modelIndex = tree.locate(['model-index'])?.node;
    if (!isSeq(modelIndex)) return;
    modelIndex.items.forEach((entry, index) => {
      if (isMap(entry)) checkEntry(tree, entry as YAMLMap<unknown, unknown>, index, report);
    });
  },
};

function checkEntry(
  tree: YamlTree,
  entry: YAMLMap<unknown, unknown>,
  index: number,
  report: (finding: Finding) => void,
): void {
  const pair = entry.items.find((item) => isScalar(item.key) && item.key.value === 'results');
  if (!pair) {
    report({
      code: 'model-index-incomplete',
      span: tree.firstLine(tree.spanOf(entry as Node)),
      message: `"model-index[${index}]" has no "results": huggingface_hub cannot read the model-index then and drops all of it. Add the evaluation results, or remove the entry.`,
      data: { path: `model-index[${index}]`, missing: 'results' },
    });
    return;
  }
  const results = pair.value as Node | null;
  if (isSeq(results) && results.items.length === 0) {
    report({
      code: 'model-index-incomplete',
      span: tree.spanOf(results),
      message: `"model-index[${index}].results" is empty: the model page shows no evaluation results. Add a result (task, dataset, metrics), or remove the model-index.`,
      data: { path: `model-index[${index}].results`, empty: true },
    });
    return;
  }
  if (!isSeq(results)) return; // a null is empty-value's, another type schema-type's
  results.items.forEach((result, position) => {
    if (!isMap(result)) return;
    const keys = result.items.map((item) => (isScalar(item.key) ? item.key.value : undefined));
    if (keys.includes('dataset')) return;
    const first = result.items[0];
    const span: Span =
      first && isScalar(first.key) ? tree.spanOf(first.key) : tree.firstLine(tree.spanOf(result as Node));
    const path = `model-index[${index}].results[${position}]`;
    report({
      code: 'model-index-incomplete',
      span,
      message: `"${path}" has no "dataset": huggingface_hub cannot read the model-index then and drops all of it (the Hub's spec requires dataset.type and dataset.name). Add the dataset the result was measured on.`,
      data: { path, missing: 'dataset' },
    });
  });
}
