import { readProjectConfig } from '../projectConfig';
import type { RuleFamily } from './rule';

/**
 * `.cardwright.yaml` against schemas/cardwright-config.schema.json. A broken setting is reported
 * here, on the settings file, and ignored: the cards under it get the default for that part.
 */
export const projectConfigRules: RuleFamily = {
  name: 'config-invalid',
  kinds: ['project-config'],
  codes: [
    {
      code: 'config-invalid',
      severity: 'error',
      summary: 'A `.cardwright.yaml` setting that is not valid; it is ignored and the default applies.',
    },
  ],
  check({ doc, schemas, report }) {
    if (!doc.yaml) return;
    for (const problem of readProjectConfig(doc.yaml, schemas, doc.uri).problems) {
      report({
        code: 'config-invalid',
        span: problem.span,
        message: problem.message,
        data: { path: problem.path, ...(problem.suggestions?.length ? { suggestions: problem.suggestions } : {}) },
      });
    }
  },
};
