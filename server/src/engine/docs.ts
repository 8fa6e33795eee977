/** Where each rule's documentation page is published (docs/rules/<id>.md in the repository). */
export const DOCS_BASE = 'https://github.com/sagemaker-policy-tools/sagemaker-policy-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
