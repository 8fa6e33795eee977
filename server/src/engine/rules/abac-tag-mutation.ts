import { parseOperator } from '../data/operators';
import { reference, type ActionInfo } from '../data/reference';
import type { PolicyDocument, Statement } from '../parse/model';
import { globMatches } from '../match';
import type { Rule } from '../rule';
import {
  deniedWithGuard,
  ruleGrants,
  grantingEntry,
  isGrantingKind,
  lazy,
  protectedTemplates,
  resourcesReachAny,
  tagGating,
  tiesResourceTagToCaller,
  type KeyPredicate,
  tagGatingText,
} from './_grants';
import { conditionEntries } from './_util';

/** Deny side: a Deny of the tagging action conditioned on the tag keys, the tag's new or current value, or the create call. */
function denyRestricts(tag: string): KeyPredicate {
  return (lowerKey) =>
    lowerKey === 'aws:tagkeys' ||
    lowerKey === 'sagemaker:taggingaction' ||
    lowerKey === `aws:requesttag/${tag}` ||
    lowerKey === `aws:resourcetag/${tag}` ||
    lowerKey === `sagemaker:resourcetag/${tag}`;
}

/**
 * Allow side: conditions that stop the caller from moving a resource into their reach. Requiring the new
 * value to be the caller's own (`aws:RequestTag/team` = `${aws:PrincipalTag/team}`) is not one: that is
 * exactly how a user claims another team's resource. These are:
 * - a condition on the resource's current tag (`sagemaker:ResourceTag/<tag>`), or tagging only on create
 *   (`sagemaker:TaggingAction`);
 * - `ForAllValues:` on `aws:TagKeys` whose values leave the tag out (`ForAllValues:StringLike` ["project*"])
 *   or name it under a negated operator (`ForAllValues:StringNotLike` ["team"]);
 * - `Null` "true" on `aws:RequestTag/<tag>` (the request must not set it).
 * `tag` is lower-cased, `spelling` as written (tag keys compare case-sensitively).
 */
function allowRestricts(s: Statement, tag: string, spelling: string): boolean {
  return conditionEntries(s).some(({ block, entry }) => {
    const key = entry.key.toLowerCase();
    const op = parseOperator(block.operator);
    if (!op) return false;
    if (key === 'sagemaker:taggingaction' || key === `aws:resourcetag/${tag}` || key === `sagemaker:resourcetag/${tag}`) return op.family !== 'Null';
    if (key === `aws:requesttag/${tag}`) return op.family === 'Null' && entry.values.some((v) => v.text?.toLowerCase() === 'true');
    if (key === 'aws:tagkeys' && op.setOperator === 'ForAllValues' && op.family === 'String') {
      // Every key of the request must match (or, negated, must not match) the values.
      const values = entry.values.map((v) => v.text);
      if (values.length === 0 || values.some((v) => v === undefined || v.includes('${'))) return false;
      const ignoreCase = op.base.name.includes('IgnoreCase');
      const matchesTag = values.some((v) => {
        const pattern = ignoreCase ? v!.toLowerCase() : v!;
        const target = ignoreCase ? tag : spelling;
        return op.base.wildcards ? globMatches(pattern, target) : pattern === target;
      });
      return op.base.negated ? matchesTag : !matchesTag;
    }
    return false;
  });
}

/** Gated tag keys (lower-cased) that the statement lets the caller set or remove with the action. */
function unrestrictedKeys(doc: PolicyDocument, s: Statement, action: ActionInfo, keys: ReadonlyMap<string, string>): string[] {
  // Only resources already tied to the caller can be re-tagged: re-tagging gains nothing.
  if (tiesResourceTagToCaller(s)) return [];
  return [...keys].filter(([tag, spelling]) => !allowRestricts(s, tag, spelling) && !deniedWithGuard(doc, action, denyRestricts(tag))).map(([tag]) => tag);
}

const taggingActions = lazy(() => reference().actions('sagemaker').filter((a) => a.accessLevel === 'Tagging'));

export const rule: Rule = {
  id: 'abac-tag-mutation',
  defaultSeverity: 'warning',
  summary: 'Access is gated on a resource tag, yet `sagemaker:AddTags`/`DeleteTags` are allowed without restricting that tag: users can re-tag resources to gain access.',
  scope: tagGatingText,
  check({ doc, kind, report }) {
    if (!isGrantingKind(kind)) return;
    // ABAC that compares a resource tag with the caller (team = the caller's team, owner = the caller).
    const gating = tagGating(doc, true);
    if (gating.keys.size === 0) return;
    const tagging = taggingActions();
    let templates: Set<string> | undefined;
    for (const s of doc.statements) {
      const granted = ruleGrants(s, tagging);
      if (granted.length === 0) continue;
      templates ??= protectedTemplates(gating.statements);
      // Tagging only resources the gated statements do not protect (apps, when profiles are gated) is harmless.
      if (!resourcesReachAny(s, templates)) continue;
      const open = granted
        .map((a) => ({ action: a, keys: unrestrictedKeys(doc, s, a, gating.keys) }))
        .filter((o) => o.keys.length > 0);
      if (open.length === 0) continue;
      const target = grantingEntry(s, open.map((o) => o.action));
      if (!target) continue;
      const tags = [...new Set(open.flatMap((o) => o.keys))].map((k) => gating.keys.get(k)!);
      const tagList = tags.map((t) => `"${t}"`).join(', ');
      const actions = open.map((o) => o.action.name).join(' and ');
      report({
        node: target.node,
        message:
          `This document grants access by the resource tag ${tagList}, but ${actions} ${open.length > 1 ? 'are' : 'is'} allowed without restricting ` +
          `${tags.length > 1 ? 'those tags' : 'that tag'}: a user can set ${tags[0]} to their own value on another user's or team's resource ` +
          '(or remove it) and then pass the tag check. Restrict the tag keys (a Deny of sagemaker:AddTags/DeleteTags with ' +
          `"ForAnyValue:StringEquals": {"aws:TagKeys": [${tagList}]}), or only allow tagging on create ("sagemaker:TaggingAction").`,
      });
    }
  },
};
