import type { Rule } from '../rule';

const PAIRS = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
] as const;

export const rule: Rule = {
  id: 'conflicting-elements',
  defaultSeverity: 'error',
  summary: '`Action`+`NotAction`, `Resource`+`NotResource` or `Principal`+`NotPrincipal` in one statement.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const [positive, negative] of PAIRS) {
        const neg = s.element(negative);
        if (s.element(positive) && neg) {
          report({ node: neg.keyNode, message: `"${positive}" and "${negative}" cannot both appear in one statement: IAM rejects the policy. Keep one, or split the statement in two.` });
        }
      }
    }
  },
};
