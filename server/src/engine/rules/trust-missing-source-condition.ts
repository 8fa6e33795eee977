import { guardingDenyText } from './_grants';
import { allStatements } from '../parse/model';
import type { Rule } from '../rule';
import { addConditionFix } from './_condition-fix';
import { isValidServicePrincipal, principalOf, serviceItems } from './_principals';
import { hasConditionKey } from './_util';

const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner']);
const isSourceKey = (k: string): boolean => SOURCE_KEYS.has(k);

/**
 * Services reported not to put aws:SourceAccount/aws:SourceArn in the request when they assume a role
 * or call a resource (EKS cluster roles, EC2 instance profiles, CloudTrail's delivery to CloudWatch Logs,
 * Elastic Transcoder): the advice would break them, so they are not reported.
 */
const NO_SOURCE_CONTEXT = new Set(['ec2.amazonaws.com', 'eks.amazonaws.com', 'cloudtrail.amazonaws.com', 'elastictranscoder.amazonaws.com']);

/** The placeholder the quick-fix writes: valid JSON and a valid policy, matches no account, flagged by unreplaced-placeholder. */
export const ACCOUNT_PLACEHOLDER = '<ACCOUNT_ID>';

export const rule: Rule = {
  id: 'trust-missing-source-condition',
  defaultSeverity: 'info',
  summary: 'A trust or resource policy lets an AWS service principal in without `aws:SourceAccount`/`aws:SourceArn` (confused deputy).',
  scope: guardingDenyText,
  check({ doc, kind, report }) {
    if (kind !== 'trust' && kind !== 'resource') return;
    // A Deny elsewhere that tests the source keys guards the whole document.
    if (allStatements(doc).some((s) => s.effect === 'Deny' && hasConditionKey(s, isSourceKey))) return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      const p = principalOf(s);
      if (!p || p.not) continue;
      const services = serviceItems(p).filter((i) => isValidServicePrincipal(i.text!) && !NO_SOURCE_CONTEXT.has(i.text!));
      if (services.length === 0 || hasConditionKey(s, isSourceKey)) continue;
      // With other principal types in the statement the condition would lock those out (they carry no source keys).
      const onlyServices = p.entries.length > 0 && p.entries.every((e) => e.type === 'Service');
      const fixes = onlyServices
        ? addConditionFix(doc, s, 'StringEquals', 'aws:SourceAccount', ACCOUNT_PLACEHOLDER, `Add condition StringEquals aws:SourceAccount = ${ACCOUNT_PLACEHOLDER} (replace it with your account ID)`)
        : [];
      const names = services.map((i) => i.text).join(', ');
      report({
        node: services[0].node,
        message: `${names} ${services.length > 1 ? 'are' : 'is'} let in without an aws:SourceAccount or aws:SourceArn condition: the service acting for ANOTHER account's resource can use this ${kind === 'trust' ? 'role' : 'resource'} too (the confused deputy problem). Add StringEquals "aws:SourceAccount": "<your account ID>" and/or ArnLike "aws:SourceArn": "<the resource ARN that uses it>", after checking that the service sends these keys.`,
        fixes,
      });
    }
  },
};
