import { guardingDenyText } from './_grants';
import type { Rule } from '../rule';
import { addConditionFix } from './_condition-fix';
import { deniedUnlessCondition, findConditionKey, grantsAction, onlyGrants } from './_util';

const KEY = 'iam:passedtoservice';

export const rule: Rule = {
  id: 'pass-role-without-service',
  defaultSeverity: 'warning',
  summary: '`iam:PassRole` allowed without an `iam:PassedToService` condition.',
  scope: guardingDenyText,
  check({ doc, report }) {
    if (deniedUnlessCondition(doc, 'iam:PassRole', (k) => k === KEY)) return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !grantsAction(s, 'iam:PassRole')) continue;
      if (findConditionKey(s, (k) => k === KEY).length > 0) continue;
      const target = s.actions.find((a) => a.text !== undefined && /^iam:pass/i.test(a.text)) ?? s.actions[0];
      if (!target) continue;
      // Adding the condition to a statement that grants other actions too would deny those (they carry no such key).
      const fixes = onlyGrants(s, ['iam:PassRole'])
        ? addConditionFix(doc, s, 'StringEquals', 'iam:PassedToService', 'sagemaker.amazonaws.com', 'Add condition StringEquals iam:PassedToService = sagemaker.amazonaws.com', true)
        : [];
      report({
        node: target.node,
        message: 'iam:PassRole is allowed without an "iam:PassedToService" condition: the role can be passed to any AWS service (Lambda, EC2, Glue, ...), not only SageMaker. Add StringEquals "iam:PassedToService": "sagemaker.amazonaws.com".',
        fixes,
      });
    }
  },
};
