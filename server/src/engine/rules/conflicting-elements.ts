import type { Statement } from '../parse/model';
import type { Rule } from '../rule';

const PAIRS = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
] as const;

/** Both elements of some pair, seen in one pass over the keys (nearly every statement has none). */
function hasBothOfAPair(s: Statement): boolean {
  let seen = 0;
  for (const p of s.properties) {
    switch (p.key) {
      case 'Action': seen |= 1; break;
      case 'NotAction': seen |= 2; break;
      case 'Resource': seen |= 4; break;
      case 'NotResource': seen |= 8; break;
      case 'Principal': seen |= 16; break;
      case 'NotPrincipal': seen |= 32; break;
    }
  }
  return (seen & (seen >> 1) & 0b010101) !== 0;
}

export const rule: Rule = {
  id: 'conflicting-elements',
  defaultSeverity: 'error',
  summary: '`Action`+`NotAction`, `Resource`+`NotResource` or `Principal`+`NotPrincipal` in one statement.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (!hasBothOfAPair(s)) continue;
      for (const [positive, negative] of PAIRS) {
        const neg = s.element(negative);
        if (s.element(positive) && neg) {
          report({ node: neg.keyNode, message: `"${positive}" and "${negative}" cannot both appear in one statement: IAM rejects the policy. Keep one, or split the statement in two.` });
        }
      }
    }
  },
};
