import { guardingDenyText } from './_grants';
import type { Rule } from '../rule';
import { addConditionFix } from './_condition-fix';
import { deniedUnlessCondition, hasConditionKey, grantsAction, mayGrantFrom, onlyGrants, servicesMask } from './_util';
import type { Statement } from '../parse/model';

const KEY = 'iam:passedtoservice';
const IAM = servicesMask('iam');
const isPassedToService = (lowerKey: string): boolean => lowerKey === KEY;

/** Only an Allow whose Action can name IAM (an O(1) question) can grant iam:PassRole. */
const mayAllowIam = (s: Statement): boolean => mayGrantFrom(s, IAM);

export const rule: Rule = {
  id: 'pass-role-without-service',
  defaultSeverity: 'warning',
  summary: '`iam:PassRole` allowed without an `iam:PassedToService` condition.',
  scope: guardingDenyText,
  check({ doc, report }) {
    // Most documents have no statement that can name IAM: nothing to report, no Deny to look for.
    if (!doc.statements.some(mayAllowIam)) return;
    if (deniedUnlessCondition(doc, 'iam:PassRole', isPassedToService)) return;
    for (const s of doc.statements) {
      if (!mayAllowIam(s) || !grantsAction(s, 'iam:PassRole')) continue;
      if (hasConditionKey(s, isPassedToService)) continue;
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
