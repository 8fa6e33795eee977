import { reference, type ActionInfo } from '../data/reference';
import type { Rule } from '../rule';
import { addConditionFix } from './_condition-fix';
import { grantedActions, grantingEntry, isGrantingKind, PRINCIPAL_VARIABLE, tiesResourceTagToCaller, guardingDenyText, SAGEMAKER } from './_grants';
import { deniedUnlessCondition, mayGrantFrom, onlyGrants } from './_util';
import type { PolicyDocument } from '../parse/model';

const PRESIGNED_ACTIONS = ['sagemaker:CreatePresignedDomainUrl', 'sagemaker:CreatePresignedNotebookInstanceUrl'];
const OWNER_TAG_KEY = /^(sagemaker|aws):resourcetag\//;

/** A resource that names the caller's own profile or instance, e.g. user-profile/${sagemaker:DomainId}/${aws:username}. */
function isOwnerScopedResource(resource: string): boolean {
  return !/\*/.test(resource.replace(/\$\{[^}]*\}/g, 'x')) || PRINCIPAL_VARIABLE.test(resource);
}

const isOwnerTagKey = (lowerKey: string): boolean => OWNER_TAG_KEY.test(lowerKey);

/** The presigned-URL actions that no Deny statement guards with an owner tag condition. */
function unguardedActions(doc: PolicyDocument): ActionInfo[] {
  return PRESIGNED_ACTIONS.filter((a) => !deniedUnlessCondition(doc, a, isOwnerTagKey))
    .map((a) => reference().action('sagemaker', a.split(':')[1]))
    .filter((a): a is ActionInfo => a !== undefined);
}

export const rule: Rule = {
  id: 'presigned-url-unrestricted',
  defaultSeverity: 'warning',
  summary: 'Presigned Studio/notebook URL actions allowed on `*` without an owner restriction: any user can open any user\'s Studio.',
  scope: guardingDenyText,
  check({ doc, kind, report }) {
    // SCPs, boundaries and endpoint policies only cap what other policies grant.
    if (!isGrantingKind(kind)) return;
    let unguarded: ActionInfo[] | undefined;
    for (const s of doc.statements) {
      // Both actions are SageMaker's: most statements cannot grant them. The tag of the target profile tied
      // to the caller (not with a negated operator: that allows everyone else's) restricts the owner.
      if (!mayGrantFrom(s, SAGEMAKER) || tiesResourceTagToCaller(s)) continue;
      unguarded ??= unguardedActions(doc);
      // Effectively granted: the resources reach a user profile / notebook instance and no condition rules the
      // action out (sagemaker:Create* gated on request tags never grants CreatePresignedDomainUrl: it carries none).
      const grantedInfo = grantedActions(s, unguarded);
      if (grantedInfo.length === 0) continue;
      const resources = s.resources.filter((r) => r.text !== undefined);
      if (resources.length === 0 || resources.every((r) => isOwnerScopedResource(r.text!))) continue;
      // Underline the entry that grants the action (not simply the first one: "athena:*", "*" ...).
      const target = grantingEntry(s, grantedInfo);
      if (!target) continue;
      const granted = grantedInfo.map((a) => `${a.service}:${a.name}`);
      // The tag condition would deny any other action of the statement (its request has no such tag), so fix only pure statements.
      const fixes = onlyGrants(s, PRESIGNED_ACTIONS)
        ? addConditionFix(
            doc,
            s,
            'StringEquals',
            'sagemaker:ResourceTag/studiouserid',
            '${aws:PrincipalTag/studiouserid}',
            'Restrict to the caller\'s own profile (sagemaker:ResourceTag/studiouserid = ${aws:PrincipalTag/studiouserid})',
            true,
          )
        : [];
      const names = granted.map((a) => a.split(':')[1]).join(' and ');
      report({
        node: target.node,
        message: `${names} ${granted.length > 1 ? 'are' : 'is'} allowed on every user profile or notebook instance with no owner restriction: any user with this policy can open any other user's Studio or notebook. Tie it to the caller with "sagemaker:ResourceTag/studiouserid": "\${aws:PrincipalTag/studiouserid}", or a user-profile ARN built from \${sagemaker:DomainId} and the caller's \${sagemaker:UserProfileName}.`,
        fixes,
      });
    }
  },
};
