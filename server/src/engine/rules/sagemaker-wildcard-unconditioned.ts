import { TextCache } from '../textCache';
import { reference } from '../data/reference';
import { hasWildcard } from '../match';
import type { Rule } from '../rule';
import { isAnyResource, SAGEMAKER } from './_grants';
import { actionPatternsFor, mayGrantFrom } from './_util';

/** The mutating verbs the catalog names: a wildcard that covers all actions of one of them. */
const VERBS = ['Create', 'Delete', 'Update', 'Start', 'Stop'] as const;

/**
 * The verbs whose every SageMaker action the pattern covers (`sagemaker:Create*`, `sagemaker:C*`,
 * `sagemaker:*` ...). A pattern that covers all of SageMaker is left to sagemaker-full-access.
 */
function coveredVerbs(pattern: string): readonly string[] {
  if (!hasWildcard(pattern)) return NO_VERBS;
  return verbsCache.get(pattern, computeCoveredVerbs);
}
/** Per pattern (the reference data does not change): the same wildcards recur in many policies. */
const verbsCache = new TextCache<readonly string[]>(5000);
const NO_VERBS: readonly string[] = []; // not frozen: see IamReference on frozen arrays

function computeCoveredVerbs(pattern: string): readonly string[] {
  const colon = pattern.indexOf(':');
  if (colon < 0 || /^\*+$/.test(pattern.slice(0, colon))) return [];
  const ref = reference();
  const matched = new Set(ref.matchActions(pattern).filter((a) => a.service === 'sagemaker'));
  if (matched.size === 0 || matched.size === ref.actions('sagemaker').length) return [];
  return VERBS.filter((verb) => {
    const family = ref.matchActions(`sagemaker:${verb}*`);
    return family.length > 0 && family.every((a) => matched.has(a));
  });
}

function coversAVerb(pattern: string): boolean {
  return coveredVerbs(pattern).length > 0;
}

export const rule: Rule = {
  id: 'sagemaker-wildcard-unconditioned',
  defaultSeverity: 'warning',
  summary: '`sagemaker:Create*`, `Delete*`, `Update*`, `Start*` or `Stop*` allowed on `*` without any condition.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      // Only an entry that can name SageMaker covers a verb's actions (one with `${` or an intrinsic names no action).
      if (!mayGrantFrom(s, SAGEMAKER) || s.element('Condition')) continue;
      const everywhere = s.element('NotResource') !== undefined || s.resources.some((r) => r.text !== undefined && isAnyResource(r.text));
      // Only a SageMaker wildcard can cover a verb: most statements that name SageMaker list plain actions.
      if (!everywhere || !actionPatternsFor(s, 'sagemaker').some(coversAVerb)) continue;
      const hits = s.actions
        .filter((a) => a.text !== undefined)
        .map((a) => ({ item: a, verbs: coveredVerbs(a.text!) }))
        .filter((h) => h.verbs.length > 0);
      if (hits.length === 0) continue;
      const verbs = [...new Set(hits.flatMap((h) => h.verbs))];
      const entries = hits.map((h) => `"${h.item.text}"`).join(', ');
      report({
        node: hits[0].item.node,
        message:
          `${entries} ${hits.length > 1 ? 'allow' : 'allows'} every SageMaker ${verbs.join('/')} action on every resource with no condition: ` +
          'any domain, user profile, space, notebook, job or endpoint of the account, including other users\' and teams\'. ' +
          'Scope it as the Studio ABAC guide does: require a team tag on create (aws:RequestTag/team = ${aws:PrincipalTag/team}) and match ' +
          'it on change (sagemaker:ResourceTag/team), or list the actions and resources the role needs.',
      });
    }
  },
};
