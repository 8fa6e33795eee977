import { removeNode } from '../edits';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'trust-policy-resource',
  defaultSeverity: 'error',
  summary: 'A role trust policy statement with `Resource`/`NotResource`: the resource of a trust policy is the role itself.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (kind !== 'trust') return;
    for (const s of doc.statements) {
      for (const name of ['Resource', 'NotResource']) {
        const p = s.element(name);
        if (!p) continue;
        report({
          node: p.keyNode,
          message: `"${name}" in a role trust policy: the trust policy is attached to the role, which is its only resource, so IAM rejects the policy ("Has prohibited field ${name}"). Remove "${name}".`,
          fixes: [{ title: `Remove "${name}"`, edits: removeNode(doc.text, p.node), preferred: true }],
        });
      }
    }
  },
};
