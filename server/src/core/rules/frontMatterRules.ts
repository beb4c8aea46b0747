import { isMap } from 'yaml';
import type { RuleFamily } from './rule';

/** Whether a card has a front-matter block the Hub can read as metadata. */
export const frontMatterRules: RuleFamily = {
  name: 'front-matter',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'front-matter-missing',
      severity: 'warning',
      summary: 'The card has no YAML metadata block, or an empty one.',
    },
    {
      code: 'front-matter-unclosed',
      severity: 'error',
      summary: 'The metadata block is opened with `---` but never closed.',
    },
    {
      code: 'front-matter-not-mapping',
      severity: 'error',
      summary: 'The metadata block is not a mapping of keys to values.',
    },
  ],
  check({ doc, report }) {
    const split = doc.frontMatter;
    if (split.state === 'missing') {
      report({
        code: 'front-matter-missing',
        span: doc.cardAnchor(),
        message:
          'The card has no metadata: add a YAML block between `---` lines at the top (license, language, tags...). The Hub shows "empty or missing yaml metadata in repo card".',
      });
      return;
    }
    if (split.state === 'unclosed') {
      report({
        code: 'front-matter-unclosed',
        span: split.open,
        message: 'The metadata block opened here is never closed: add a line with `---` after the last metadata line.',
      });
      return;
    }
    const root = doc.yaml?.root;
    if (root == null) {
      report({
        code: 'front-matter-missing',
        span: split.open,
        message: 'The metadata block is empty. The Hub shows "empty or missing yaml metadata in repo card".',
      });
      return;
    }
    if (doc.yaml && doc.yaml.syntaxErrors.length === 0 && !isMap(root)) {
      report({
        code: 'front-matter-not-mapping',
        span: doc.yaml.spanOf(root),
        message: 'The metadata must be a mapping of keys to values (`key: value` lines), not a list or a single value.',
      });
    }
  },
};
