import { capTemplateFindings } from '../configs/template';
import type { YamlTree } from '../document/yamlTree';
import type { RuleFamily } from './rule';

/** YAML well-formedness: what stops the Hub (or the training tool) from reading the file at all. */
export const yamlRules: RuleFamily = {
  name: 'yaml',
  kinds: ['model-card', 'dataset-card', 'training-config', 'project-config'],
  codes: [
    { code: 'yaml-syntax', severity: 'error', summary: 'The YAML cannot be parsed.' },
    { code: 'yaml-duplicate-key', severity: 'error', summary: 'A key appears twice in the same mapping.' },
    {
      code: 'yaml-unsupported-tag',
      severity: 'warning',
      summary: 'A YAML tag (e.g. `!!python/...`) that safe loaders refuse.',
    },
  ],
  check(context) {
    const { doc } = context;
    const report = capTemplateFindings(doc, yamlRules.codes, context.report);
    for (const problem of doc.config?.jsonErrors ?? []) {
      report({ code: 'yaml-syntax', span: problem.span, message: problem.message });
    }
    const tree: YamlTree | undefined = doc.yaml;
    if (!tree) return;
    for (const problem of tree.syntaxErrors) {
      report({ code: 'yaml-syntax', span: problem.span, message: `YAML syntax error: ${problem.message}` });
    }
    if (tree.valueError) {
      report({
        code: 'yaml-syntax',
        span: tree.root ? tree.spanOf(tree.root) : { start: tree.base, end: tree.base },
        message: `The YAML cannot be expanded safely: ${tree.valueError}. Reduce the aliases (*name) that repeat large anchors.`,
      });
    }
    for (const duplicate of tree.duplicateKeys) {
      report({
        code: 'yaml-duplicate-key',
        span: duplicate.span,
        message: `Duplicate key "${duplicate.key}": ${
          doc.kind === 'model-card' || doc.kind === 'dataset-card'
            ? 'the Hub refuses metadata with repeated keys, and other readers keep only the last value.'
            : 'most loaders silently keep only the last value (DeepSpeed refuses the file).'
        }`,
        data: { key: duplicate.key, first: duplicate.first },
      });
    }
    const isCard = doc.kind === 'model-card' || doc.kind === 'dataset-card';
    for (const tag of tree.unsupportedTags) {
      report({
        code: 'yaml-unsupported-tag',
        span: tag.span,
        severity: isCard ? 'error' : undefined,
        message: isCard
          ? `The tag ${tag.tag} is not plain YAML: the Hub's safe YAML loader refuses it. Write the value without the tag.`
          : `The tag ${tag.tag} is not plain YAML: safe loaders (yaml.safe_load) refuse it, and Cardwright reads the value without it.`,
        data: { tag: tag.tag },
      });
    }
  },
};
