import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'allow-not-principal',
  defaultSeverity: 'warning',
  summary: '`Allow` with `NotPrincipal`: grants every principal except the ones listed, including anonymous callers.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      const p = s.element('NotPrincipal');
      if (!p) continue;
      report({
        node: p.keyNode,
        message: '"Effect": "Allow" with "NotPrincipal" grants these actions to every principal except the listed ones: every other account, every other role and anonymous callers. Write "Principal" with the principals you mean (the IAM User Guide strongly recommends against NotPrincipal with "Allow").',
      });
    }
  },
};
