/** Where each diagnostic code's page lives (docs/rules/<code>.md in the repository). */
export const RULE_DOCS_BASE = 'https://github.com/cardwright/cardwright/blob/main/docs/rules/';

/** The page for `code`: below `base` (a folder URI or path, as a host found its bundled pages), else on GitHub. */
export function ruleDocsUrl(code: string, base?: string): string {
  if (!base) return `${RULE_DOCS_BASE}${code}.md`;
  return `${base.endsWith('/') ? base : base + '/'}${code}.md`;
}
