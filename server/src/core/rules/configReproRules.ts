import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { reproducibilityFindings } from '../configs/reproducibility';
import { capTemplateFindings } from '../configs/template';
import type { Span } from '../diagnostic';
import type { YamlTree } from '../document/yamlTree';
import { readableMetadata, spanForKey } from './metadata';
import type { RuleFamily } from './rule';

/**
 * What a reproduction needs from a training config: a seed, pinned model and dataset revisions,
 * the precision, the hardware, and no value left as Hydra's `???`. Each format has its own keys
 * for these (configs/reproducibility.ts); a format without a place for a fact is not asked for it.
 */
export const configReproRules: RuleFamily = {
  name: 'config-reproducibility',
  kinds: ['training-config'],
  codes: [
    {
      code: 'config-no-seed',
      severity: 'warning',
      summary: 'The config leaves the random seed unset (a new one every run).',
    },
    {
      code: 'config-unpinned',
      severity: 'warning',
      summary: 'A Hub model or dataset is used without a pinned revision.',
    },
    {
      code: 'config-missing-value',
      severity: 'warning',
      summary: "A value left as Hydra/OmegaConf's `???` (must be given at launch).",
    },
    {
      code: 'config-no-precision',
      severity: 'info',
      summary: 'The config does not state the numeric precision (bf16, fp16, fp32...).',
    },
    {
      code: 'config-no-hardware',
      severity: 'info',
      summary: 'The config does not state the accelerator, device count or per-device batch size.',
    },
  ],
  check({ doc, path, report: reportAny }) {
    const report = capTemplateFindings(doc, configReproRules.codes, reportAny);
    const tree = doc.yaml;
    const data = readableMetadata(doc);
    if (!tree || !data) return;
    reportMissingValues(tree, tree.root, path?.includes('/.hydra/') ?? false, report);
    const format = doc.config?.schema?.format;
    if (!format) return;
    const top = topOfMapping(tree);
    for (const finding of reproducibilityFindings(format, data)) {
      report({
        code: finding.code,
        span: finding.path ? spanForKey(tree, finding.path) : top,
        message: finding.message,
        ...(finding.severity ? { severity: finding.severity } : {}),
        data: { ...finding.data, format, ...(finding.path ? { path: finding.path } : {}) },
      });
    }
  },
};

/** Where a key that is not there "would go": the first key of the file. */
function topOfMapping(tree: YamlTree): Span {
  const root = tree.root;
  const first = isMap(root) ? root.items[0]?.key : undefined;
  return isScalar(first) ? tree.spanOf(first) : { start: tree.base, end: tree.base };
}

function reportMissingValues(
  tree: YamlTree,
  node: Node | null,
  resolvedRun: boolean,
  report: Parameters<RuleFamily['check']>[0]['report'],
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value as Node | null;
      if (isScalar(value) && value.value === '???') {
        const key = isScalar(pair.key) ? String(pair.key.value) : 'value';
        report({
          code: 'config-missing-value',
          span: tree.spanOf(value),
          severity: resolvedRun ? 'error' : undefined,
          message: resolvedRun
            ? `"${key}" is still ??? in a resolved run config: the run did not record this value.`
            : `"${key}" is ??? (required, no default): it must be given on the command line, and a reproduction must know what was given.`,
          data: { key },
        });
      } else {
        reportMissingValues(tree, value, resolvedRun, report);
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) reportMissingValues(tree, item as Node | null, resolvedRun, report);
  }
}
