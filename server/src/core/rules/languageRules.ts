import { isLanguageCode, suggestLanguageCode, WITHDRAWN_CODES } from '../languageCodes';
import { hubPath } from '../schemas/messages';
import { didYouMean } from '../suggest';
import { stringItems } from './metadata';
import type { RuleFamily } from './rule';

/** `language` values must be ISO 639 codes: the Hub refuses `es-ES`, `English` or `noinfo`. */
export const languageRules: RuleFamily = {
  name: 'language',
  kinds: ['model-card', 'dataset-card'],
  codes: [{ code: 'language-code', severity: 'error', summary: 'A `language` value that is not an ISO 639 code.' }],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree) return;
    for (const key of ['language', 'languages']) {
      for (const item of stringItems(tree, [key])) {
        if (isLanguageCode(item.value)) continue;
        const suggestion = suggestLanguageCode(item.value);
        const withdrawn = WITHDRAWN_CODES[item.value];
        if (withdrawn) {
          report({
            code: 'language-code',
            span: item.span,
            severity: 'warning',
            message: `"${hubPath(item.path)}" uses "${item.value}", an ISO 639-1 code that was withdrawn: use "${withdrawn}".`,
            data: { path: item.path, value: item.value, suggestions: [withdrawn] },
          });
          continue;
        }
        // `languages` is deprecated and no longer read by the Hub: its values are refused only
        // after the rename, so a warning that says so, never an error.
        const deprecated = key === 'languages';
        report({
          code: 'language-code',
          span: item.span,
          ...(deprecated ? { severity: 'warning' as const } : {}),
          message: deprecated
            ? `"${hubPath(item.path)}" with value "${item.value}" is not an ISO 639 code: once "languages" is renamed to "language" the Hub will refuse it.${didYouMean(suggestion ? [suggestion] : [])}`
            : `"${hubPath(item.path)}" with value "${item.value}" is not valid. Use an ISO 639-1, 639-2 or 639-3 code.${didYouMean(suggestion ? [suggestion] : [])}`,
          data: { path: item.path, value: item.value, ...(suggestion ? { suggestions: [suggestion] } : {}) },
        });
      }
    }
  },
};
