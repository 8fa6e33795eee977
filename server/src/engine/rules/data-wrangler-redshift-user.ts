import { reference, type ActionInfo } from '../data/reference';
import { hasWildcard } from '../match';
import type { Rule } from '../rule';
import { allowHasGuard, deniedWithGuard, isGrantingKind, candidatesMask, lazy, ruleGrants, someMayGrant, keyIs, guardingDenyText } from './_grants';
import { mayGrantFrom } from './_util';

const isDbUserKey = keyIs('redshift:DbUser');

/**
 * A Redshift ARN that names every database user: `...:dbuser:*\/*`, `...:dbuser:my-cluster/*`,
 * `...:dbuser:*` or `arn:aws:redshift:*:*:*`. Plain `*` is left to credentials-exposure.
 */
function anyDbUser(resource: string): boolean {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2].toLowerCase() !== 'redshift') return false;
  const rest = parts.slice(5).join(':');
  if (rest === '*') return true;
  if (!rest.startsWith('dbuser:')) return false;
  const target = rest.slice('dbuser:'.length);
  const slash = target.indexOf('/');
  if (slash < 0) return target.endsWith('*');
  const user = target.slice(slash + 1);
  return user !== '' && hasWildcard(user) && /^[*?]*$/.test(user);
}

/** The one action, as a candidate list (empty when the reference data lacks it). */
const getClusterCredentials = lazy((): ActionInfo[] => {
  const action = reference().action('redshift', 'GetClusterCredentials');
  return action ? [action] : [];
});

export const rule: Rule = {
  id: 'data-wrangler-redshift-user',
  defaultSeverity: 'info',
  summary: '`redshift:GetClusterCredentials` on `dbuser:*/*` instead of the `sagemaker_access*` database users Data Wrangler relies on.',
  scope: guardingDenyText,
  check({ doc, kind, report }) {
    if (!isGrantingKind(kind)) return;
    const candidates = getClusterCredentials();
    const mask = candidatesMask(candidates);
    // Most documents have no statement that can name Redshift: nothing to report, nothing to look up.
    if (!someMayGrant(doc.statements, mask)) return;
    if (deniedWithGuard(doc, candidates[0], isDbUserKey)) return;
    for (const s of doc.statements) {
      if (!mayGrantFrom(s, mask) || ruleGrants(s, candidates).length === 0 || allowHasGuard(s, isDbUserKey)) continue;
      const resource = s.resources.find((r) => r.text !== undefined && anyDbUser(r.text));
      if (!resource) continue;
      report({
        node: resource.node,
        message:
          `redshift:GetClusterCredentials on "${resource.text}" issues temporary credentials for any database user, including the ` +
          'cluster\'s administrators. Data Wrangler only needs users named sagemaker_access*: use ' +
          '"arn:aws:redshift:<region>:<account>:dbuser:<cluster>/sagemaker_access*" (and the dbname ARN), as the Data Wrangler ' +
          'security page and AmazonSageMakerFullAccess do.',
      });
    }
  },
};
