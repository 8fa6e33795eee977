import { parseOperator } from '../data/operators';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { conditionEntries } from './_util';
import { actionTemplateGlobs, protectedTemplates, actionsSupportingKey, lazy, allowHasGuard, grantingEntry, isGrantingKind, listActions, tagGating, unguardedGrants, type KeyPredicate } from './_grants';

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
  check({ doc, kind, report }) {
    if (!isGrantingKind(kind)) return;
    const gating = tagGating(doc);
    if (gating.keys.size === 0) return;
    // Only resources of a type the tag-gated statements protect: an untagged endpoint matters when endpoints are gated.
    const protectedTypes = protectedTemplates(gating.statements);
    const candidates = taggableCreates().filter((a) => actionTemplateGlobs(a).some((t) => protectedTypes.has(t)));
    const tags = [...gating.keys.values()].map((t) => `"${t}"`).join(', ');
    for (const s of doc.statements) {
      if (crossAccountOnly(s)) continue;
      const open = unguardedGrants(doc, s, candidates, (st) => allowHasGuard(st, isRequestTagKey), () => isRequestTagKey);
      if (open.length === 0) continue;
      const target = grantingEntry(s, open);
      if (!target) continue;
      report({
        node: target.node,
        message:
          `This document controls access by the resource tag ${tags}, but ${listActions(open)} ${open.length > 1 ? 'are' : 'is'} allowed ` +
          'without requiring tags: resources created this way carry no such tag, so the tag-based statements neither protect them nor let ' +
          'the owner manage them. Require the tag on create, as the Studio ABAC guide does: "ForAnyValue:StringEquals": {"aws:TagKeys": ' +
          `[${tags}]} and "aws:RequestTag/<key>": "\${aws:PrincipalTag/<key>}".`,
      });
    }
  },
};
