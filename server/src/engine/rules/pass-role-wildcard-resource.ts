import type { Rule } from '../rule';
import { globMatches, QUESTION, STAR } from '../match';
import { TextCache } from '../textCache';
import { grantsAction, mayGrantFrom, servicesMask } from './_util';

const IAM = servicesMask('iam');

/** Roles of every shape: plain, on a path, SSO-created. A resource pattern that matches all of them matches every role. */
const SAMPLE_ROLES = [
  'role/SageMakerExecutionRole',
  'role/service-role/AmazonSageMaker-ExecutionRole-20240101T000000',
  'role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
  'role/OrganizationAccountAccessRole',
];


/**
 * `*`, or an ARN pattern that covers every role of an account: `arn:aws:iam::*:role/*`,
 * `arn:aws:iam::123456789012:role/*`, `arn:aws:iam::*:*`, `arn:aws:*:*:*:*`, ... Each of the six ARN
 * fields is matched on its own: the service must match `iam`, the region must allow an empty region
 * (IAM has none), any partition and account count, and the resource part must match every role.
 * A path (`role/service-role/*`) or a name prefix (`role/SageMaker*`) is a deliberate scope, not reported.
 */
function isEveryRole(resource: string): boolean {
  if (resource === '*') return true;
  // The sample roles end in different characters, so a pattern that matches them all ends with a wildcard:
  // the ARN of one role (most entries) is ruled out without splitting it.
  const last = resource.charCodeAt(resource.length - 1);
  if (last !== STAR && last !== QUESTION) return false;
  // Patterns such as `arn:aws:s3:::bucket/*` recur in statement after statement that grants iam:PassRole (`*`):
  // split and matched once per text.
  return everyRoleCache.get(resource, patternCoversEveryRole);
}
const everyRoleCache = new TextCache<boolean>(5000);

/** isEveryRole for an ARN pattern that ends with a wildcard. */
function patternCoversEveryRole(resource: string): boolean {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const [, , service, region] = parts;
  const rest = parts.slice(5).join(':');
  return globMatches(service, 'iam') && globMatches(region, '') && SAMPLE_ROLES.every((r) => globMatches(rest, r));
}

export const rule: Rule = {
  id: 'pass-role-wildcard-resource',
  defaultSeverity: 'warning',
  summary: '`iam:PassRole` (directly or through `iam:*`, `iam:Pass*`, `*`) allowed on `*` or every role (`role/*`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      // Only an entry that can name IAM covers iam:PassRole: an O(1) test first.
      if (!mayGrantFrom(s, IAM) || !grantsAction(s, 'iam:PassRole')) continue;
      for (const r of s.resources) {
        if (r.text === undefined || !isEveryRole(r.text)) continue;
        report({
          node: r.node,
          message: `iam:PassRole is allowed on "${r.text}": the principal can hand ANY role in the account, including administrator roles, to SageMaker or another service and act with its rights. List the execution role ARNs (or a path such as role/service-role/SageMaker*) instead.`,
        });
      }
    }
  },
};
