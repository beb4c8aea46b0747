import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { YamlTree } from '../document/yamlTree';
import { findPlaceholders } from '../placeholders';
import type { Finding, RuleFamily } from './rule';

/**
 * Template fillers and notes to self that would be published as they are: the Hub templates'
 * `[More Information Needed]`, unrendered `{{ variables }}`, TODO/TBD/FIXME and lorem ipsum, in
 * the body's prose (code excluded) and in front-matter values (`license: {license}`).
 */
export const placeholderRules: RuleFamily = {
  name: 'placeholder-text',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'placeholder-text',
      severity: 'warning',
      summary: 'Template placeholder or unfinished text (`[More Information Needed]`, `{{ x }}`, TODO).',
    },
  ],
  check({ doc, report }) {
    if (doc.yaml) checkMetadata(doc.yaml, report);
    for (const run of doc.markdown.textRuns) {
      for (const match of findPlaceholders(run.text)) {
        const start = run.span.start + match.start;
        report(finding({ start, end: start + match.text.length }, match.text));
      }
    }
  },
};

function finding(span: Span, placeholder: string): Finding {
  const template = placeholder.startsWith('{');
  return {
    code: 'placeholder-text',
    span,
    message: template
      ? `Unfilled template placeholder ${placeholder}: replace it with the real value.`
      : `Placeholder text "${placeholder}": write the information, or remove what it stands in for.`,
    data: { placeholder },
  };
}

/** Placeholders in metadata values, and the template's `{lang_0}` flow mappings that YAML reads as data. */
function checkMetadata(tree: YamlTree, report: (finding: Finding) => void): void {
  const visit = (node: Node | null | undefined): void => {
    if (isMap(node) && node.flow && node.items.length > 0 && node.items.every(isTemplateVariable)) {
      const span = tree.spanOf(node);
      report(finding(span, tree.source.slice(span.start - tree.base, span.end - tree.base)));
      return;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const match = findPlaceholders(node.value)[0];
      if (match) report(finding(tree.spanOf(node), match.text));
      return;
    }
    if (isMap(node)) for (const pair of node.items) visit(pair.value as Node | null);
    else if (isSeq(node)) for (const item of node.items) visit(item as Node | null);
  };
  visit(tree.root);
}

/** `{lang_0}` is a mapping whose only key is a bare name with no value; `{{ card_data }}` nests one more. */
function isTemplateVariable(pair: { key: unknown; value: unknown }): boolean {
  if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return false;
  if (isScalar(pair.key)) return typeof pair.key.value === 'string' && /^[A-Za-z_]\w*$/.test(pair.key.value);
  return isMap(pair.key) && pair.key.flow === true && pair.key.items.every(isTemplateVariable);
}
