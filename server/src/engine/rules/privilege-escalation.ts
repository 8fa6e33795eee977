import type { PolicyDocument } from '../parse/model';
import type { Rule } from '../rule';
import type { PolicyKind } from '../types';
import { outrightDenyText } from './_grants';
import { actionItemFor, deniedOutright, grantedOf, identityAllowStatements, identityGrantsOf, isIdentityAllow, listNames, actionsMask, unconstrainedResource } from './_security';
import { mayGrantFrom } from './_util';

/** IAM actions that change what a principal may do, with what each lets the caller do to itself. */
const SELF_GRANT: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
];
/** Actions that hand out another identity's credentials. */
const TAKE_OVER: readonly string[] = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'sts:AssumeRole'];
/** Actions that run code with a role passed to them (PassRole + one of these = that role's rights). */
const COMPUTE_CREATE: readonly string[] = [
  'ec2:RunInstances',
  'lambda:CreateFunction',
  'glue:CreateJob',
  'glue:CreateDevEndpoint',
  'glue:CreateSession',
  'cloudformation:CreateStack',
  'ecs:RunTask',
  'codebuild:CreateProject',
  'datapipeline:CreatePipeline',
  'states:CreateStateMachine',
  'sagemaker:CreateNotebookInstance',
  'sagemaker:CreateTrainingJob',
  'sagemaker:CreateProcessingJob',
];

const PASS_ROLE: readonly string[] = ['iam:PassRole'];
/** Every action a finding starts from (its services decide which statements can have one). */
const ESCALATING = actionsMask([...SELF_GRANT, ...TAKE_OVER, ...PASS_ROLE]);

/** The compute-create actions an identity Allow of the whole document grants and no unconditional Deny takes away. */
function allowedComputeActions(doc: PolicyDocument, kind: PolicyKind): string[] {
  const granted = new Set(identityAllowStatements(doc.whole ?? doc, kind).flatMap((s) => grantedOf(s, COMPUTE_CREATE)));
  return COMPUTE_CREATE.filter((a) => granted.has(a) && !deniedOutright(doc, a));
}

export const rule: Rule = {
  id: 'privilege-escalation',
  defaultSeverity: 'warning',
  summary: 'Unconstrained actions that let a principal raise its own rights (`iam:PutRolePolicy`, `iam:CreatePolicyVersion`, `sts:AssumeRole` on `*`, PassRole + a compute create action, ...).',
  // Other statements matter through their Denies without a condition and the compute-create actions they allow.
  scope: (s, text) => outrightDenyText(s, text) + identityGrantsOf(s, COMPUTE_CREATE),
  check({ doc, kind, report }) {
    if (kind !== 'identity' && kind !== 'fragment') return;
    let compute: string[] | undefined;
    for (const s of doc.statements) {
      // Every finding starts from an IAM or STS action of the statement: most statements name neither.
      if (!mayGrantFrom(s, ESCALATING) || !isIdentityAllow(s)) continue;
      const resource = unconstrainedResource(s);
      if (!resource) continue;
      const allowed = (action: string) => !deniedOutright(doc, action);
      // Compute actions allowed anywhere in the document (worked out once, and only when a statement passes every role).
      const computeActions = (): string[] => (compute ??= allowedComputeActions(doc, kind));
      const selfGrant = grantedOf(s, SELF_GRANT).filter(allowed);
      const takeOver = grantedOf(s, TAKE_OVER).filter(allowed);
      const passRole = grantedOf(s, PASS_ROLE).length > 0 && allowed('iam:PassRole') && computeActions().length > 0;
      if (selfGrant.length === 0 && takeOver.length === 0 && !passRole) continue;
      const reasons: string[] = [];
      if (selfGrant.length) reasons.push(`${listNames(selfGrant)} can attach or write any policy (or drop a boundary), so the principal can grant itself administrator rights`);
      if (takeOver.length) reasons.push(`${listNames(takeOver)} can take over other users or roles (new access keys, console passwords, assumed sessions)`);
      if (passRole) reasons.push(`iam:PassRole on every role together with ${listNames(computeActions(), 3)} can run code under any role, including administrator roles`);
      const target = actionItemFor(s, [...selfGrant, ...takeOver, ...(passRole ? ['iam:PassRole'] : [])]);
      if (!target) continue;
      report({
        node: target.node,
        message: `Privilege escalation: allowed on "${resource.text}" without a condition, ${reasons.join('; ')}. Limit Resource to the specific roles, users or policies, or add a condition (for example iam:PermissionsBoundary, or aws:ResourceTag on the roles).`,
      });
    }
  },
};
