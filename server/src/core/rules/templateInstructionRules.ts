import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import { keyText } from '../document/yamlTree';
import { findPlaceholders } from '../placeholders';
import { readableMetadata } from './metadata';
import type { RuleFamily } from './rule';

/**
 * The templates' instructions published as metadata: the legacy datasets template's
 * `- copy-paste the tags obtained with the tagging app: ...`, `[Optional] ...`, "Add a
 * description", and the wording of the Hub template's comments ("Example: fr", "Use dataset id
 * from https://hf.co/datasets") written as the value. Keys whose values are free text for readers
 * (widget prompts, gating prompts, model-index, dataset_info...) are not read.
 */
export const templateInstructionRules: RuleFamily = {
  name: 'template-instructions',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'template-instructions',
      severity: 'warning',
      summary: "A metadata key or value that is a template's instruction, not a value.",
    },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree || !readableMetadata(doc) || !isMap(tree.root)) return;
    const check = (text: string, span: Span, where: string): boolean => {
      const instruction = templateInstruction(text);
      if (!instruction) return false;
      report({
        code: 'template-instructions',
        span,
        message: `${where} is the template's instruction ("${shorten(text)}"), not a value: the Hub publishes it as it is. Replace it with the value it asks for, or remove it.`,
        data: { instruction },
      });
      return true;
    };
    const visit = (node: Node | null | undefined, key: string): void => {
      if (isScalar(node) && typeof node.value === 'string')
        check(node.value, tree.spanOf(node), `The value of "${key}"`);
      else if (isSeq(node)) for (const item of node.items) visit(item as Node | null, key);
      else if (isMap(node)) {
        for (const pair of node.items) {
          // A key that is an instruction (`- copy-paste the tags ...: URL`) is one finding with its value.
          const keyIsInstruction =
            isScalar(pair.key) &&
            typeof pair.key.value === 'string' &&
            check(pair.key.value, tree.spanOf(pair.key), `The key "${shorten(pair.key.value)}" under "${key}"`);
          if (!keyIsInstruction) visit(pair.value as Node | null, key);
        }
      }
    };
    for (const pair of tree.root.items) {
      const key = keyText(pair);
      if (FREE_TEXT_KEYS.test(key)) continue;
      if (!(isScalar(pair.key) && check(key, tree.spanOf(pair.key), 'This key'))) visit(pair.value as Node | null, key);
    }
  },
};

/** Keys whose values are prose or prompts for readers, where an imperative sentence is the value. */
const FREE_TEXT_KEYS =
  /^(?:widget|inference|extra_gated_\w+|model-index|dataset_info|configs|provenance|co2_eq_emissions|eval_results|description|summary|prompt_template|chat_template|instance_prompt|parameters|train-eval-index)$/;

/** The instructions of the Hub and datasets templates, as they end up written as values. */
const INSTRUCTIONS: readonly [string, RegExp][] = [
  ['tagging-app', /\bcopy[\s-]?paste the tags\b|\btagging app\b|\bdatasets-tagging\b/i],
  ['optional-marker', /^\s*\[optional\]/i],
  ['required-marker', /^\s*(?:Required|Optional)\.\s+(?:Example|Use|A|An|The|If)\b/],
  ['example', /^\s*(?:Example|e\.g\.)\s*:/i],
  ['hub-id-hint', /\bUse (?:a |the )?(?:dataset|metric|model) ids? from https?:\/\/hf\.co\b/i],
  ['license-hint', /\bany license from https?:\/\/hf\.co\/docs\/hub\/repositories-licenses\b/i],
  [
    'imperative',
    /^\s*(?:Add|Insert|Enter|Provide|Write|Fill in|Describe|Specify|Put|List|Choose|Select|Replace(?: this)? with)\s+(?:a|an|the|your|here|this|one|any|some)\b(?:\s+\S+){1,}/i,
  ],
];

/** The kind of template instruction `text` is, or undefined for an ordinary value. */
export function templateInstruction(text: string): string | undefined {
  if (text.length > 300) return undefined;
  // `{license}` and `[More Information Needed]` are placeholder-text's.
  if (findPlaceholders(text).length > 0 || /^\s*\{[^}]*\}\s*$/.test(text)) return undefined;
  return INSTRUCTIONS.find(([, pattern]) => pattern.test(text))?.[0];
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
