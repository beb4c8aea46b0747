import { headingWords } from '../phraseMatcher';
import type { Section } from '../document/markdown';
import type { RuleFamily } from './rule';

/**
 * Two sibling headings of the same level with the same text: readers (and the outline, and the
 * page's anchors) cannot tell them apart. Usually a pasted template section or a merge leftover.
 */
export const headingDuplicateRules: RuleFamily = {
  name: 'heading-duplicate',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'heading-duplicate',
      severity: 'warning',
      summary: 'Two sibling headings of the same level with the same text.',
    },
  ],
  check({ doc, report }) {
    // Siblings share the parent section (top-level sections share `undefined`).
    const byParent = new Map<Section | undefined, Map<string, Section>>();
    for (const section of doc.markdown.sections) {
      const words = headingWords(section.heading.text);
      if (words.length === 0) continue;
      // Texts compare as headings do everywhere else: case, punctuation and `[optional]` aside.
      const key = `${section.heading.level} ${words.join(' ')}`;
      const siblings = byParent.get(section.parent) ?? new Map<string, Section>();
      byParent.set(section.parent, siblings);
      const first = siblings.get(key);
      if (!first) {
        siblings.set(key, section);
        continue;
      }
      report({
        code: 'heading-duplicate',
        span: section.heading.textSpan,
        message: `Multiple sections with the same heading "${section.heading.text}" have been found: merge them or rename one.`,
        data: { heading: section.heading.text, first: doc.text.rangeOf(first.heading.textSpan) },
      });
    }
  },
};
