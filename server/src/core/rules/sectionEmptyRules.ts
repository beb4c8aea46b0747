import type { RuleFamily } from './rule';

/**
 * A heading with nothing under it: no text of its own and no subsections. HTML comments (the
 * templates' guidance) do not count as text; a placeholder does, and `placeholder-text` reports it.
 */
export const sectionEmptyRules: RuleFamily = {
  name: 'section-empty',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    { code: 'section-empty', severity: 'warning', summary: 'A heading with no text of its own and no subsections.' },
  ],
  check({ doc, report }) {
    const markdown = doc.markdown;
    for (const section of markdown.sections) {
      // A card that is only a title is missing sections, not filling in an empty one.
      if (section === markdown.title && section.heading.level === 1) continue;
      if (section.hasOwnContent || section.children.length > 0) continue;
      const { text, textSpan } = section.heading;
      report({
        code: 'section-empty',
        span: textSpan,
        message: `Expected some content in section "${text}" but it is empty: write it or remove the heading.`,
        data: { heading: text },
      });
    }
  },
};
