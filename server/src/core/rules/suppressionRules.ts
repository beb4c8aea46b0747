import type { RuleFamily } from './rule';

/**
 * `unused-disable`: a `cardwright-disable...` comment that suppressed nothing. The engine reports
 * it after every other family has run and the comments have been applied (suppressions.ts), and
 * only when asked (`cardwright check --report-unused-disables`, `report-unused-disables: true` in
 * `.cardwright.yaml`); this family only registers the code.
 */
export const suppressionRules: RuleFamily = {
  name: 'unused-disable',
  kinds: ['model-card', 'dataset-card', 'training-config', 'project-config'],
  codes: [
    {
      code: 'unused-disable',
      severity: 'warning',
      summary: 'A `cardwright-disable` comment (or a code in one) that suppresses nothing.',
    },
  ],
  check() {
    // Reported by the engine after the rules run (suppressions.ts: silence).
  },
};
