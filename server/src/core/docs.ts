/** Where each diagnostic code's page lives (docs/rules/<code>.md in the repository). */
export const RULE_DOCS_BASE = 'https://github.com/cardwright/cardwright/blob/main/docs/rules/';

export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}
