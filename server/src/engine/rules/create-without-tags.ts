import { parseOperator } from '../data/operators';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { conditionEntries } from './_util';
import { actionsSupportingKey, actionTemplateGlobs, isGrantingKind, lazy, protectedTemplates, reportUnguardedGrants, tagGating, type KeyPredicate, tagGatingText } from './_grants';

/**
 * aws:RequestTag/<any key> or aws:TagKeys; and a resource-tag condition, which SageMaker evaluates against
 * the tags of the resource being created (AWS's own SageMaker Unified Studio policies rely on it).
 */
const isRequestTagKey: KeyPredicate = (lower) =>
  lower === 'aws:tagkeys' || lower.startsWith('aws:requesttag/') || lower.startsWith('aws:resourcetag/') || lower.startsWith('sagemaker:resourcetag/');

/** Create actions that can carry tags in the request, as the reference data lists them. */
const taggableCreates = lazy(() => actionsSupportingKey('sagemaker', 'aws:RequestTag/${TagKey}', 'aws:TagKeys').filter((a) => a.name.startsWith('Create')));

/** `StringNotEquals aws:ResourceAccount ${aws:PrincipalAccount}`: only other accounts' resources, never a resource the caller creates. */
function crossAccountOnly(s: Statement): boolean {
  return conditionEntries(s).some(({ block, entry }) =>
    entry.key.toLowerCase() === 'aws:resourceaccount' && parseOperator(block.operator)?.base.negated === true &&
    entry.values.some((v) => v.text?.toLowerCase() === '${aws:principalaccount}'));
}

export const rule: Rule = {
  id: 'create-without-tags',
  defaultSeverity: 'info',
  summary: 'SageMaker create actions allowed without requiring tags (`aws:RequestTag/<key>` or `aws:TagKeys`) in a document that otherwise uses tag-based access.',
  scope: tagGatingText,
  check(ctx) {
    if (!isGrantingKind(ctx.kind)) return;
    const gating = tagGating(ctx.doc);
    if (gating.keys.size === 0) return;
    // Only resources of a type the tag-gated statements protect: an untagged endpoint matters when endpoints are gated.
    const protectedTypes = protectedTemplates(gating.statements);
    const candidates = taggableCreates().filter((a) => actionTemplateGlobs(a).some((t) => protectedTypes.has(t)));
    const tags = [...gating.keys.values()].map((t) => `"${t}"`).join(', ');
    reportUnguardedGrants(
      ctx,
      candidates,
      isRequestTagKey,
      (subject) =>
        `This document controls access by the resource tag ${tags}, but ${subject} allowed ` +
        'without requiring tags: resources created this way carry no such tag, so the tag-based statements neither protect them nor let ' +
        'the owner manage them. Require the tag on create, as the Studio ABAC guide does: "ForAnyValue:StringEquals": {"aws:TagKeys": ' +
        `[${tags}]} and "aws:RequestTag/<key>": "\${aws:PrincipalTag/<key>}".`,
      crossAccountOnly,
    );
  },
};
