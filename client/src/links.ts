/** Public addresses the extension and its manifest link to. */

/** The rules page as published; each rule has an anchor named by its id (`#t3-balance`). */
export const RULES_DOC_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

/** The rules page's anchor of a rule. */
export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_URL}#${id}`;
}
