import { parseOperator } from '../data/operators';
import { hasWildcard } from '../match';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { actionsSupportingKey, keyIs, lazy, PRINCIPAL_VARIABLE, reportUnguardedGrants, tiesResourceTagToCaller, guardingDenyText } from './_grants';
import { conditionEntries } from './_util';

const OWNER_KEY = 'sagemaker:OwnerUserProfileArn';
const isOwnerKey = keyIs(OWNER_KEY);

/**
 * A resource that names one owner: a user-profile / app / space ARN whose name segment (after the
 * domain) is the caller (`${sagemaker:UserProfileName}`, `${aws:username}` ...) or a plain name.
 * `*`, `space/${sagemaker:DomainId}/*`, `app/*` name every owner.
 */
function namesOneOwner(resource: string): boolean {
  if (PRINCIPAL_VARIABLE.test(resource)) return true;
  const parts = resource.split(':');
  if (parts.length < 6) return false;
  const segments = parts.slice(5).join(':').split('/');
  const owner = segments[2];
  return owner !== undefined && owner !== '' && !hasWildcard(owner) && !owner.includes('${');
}

/**
 * The statement limits the action to the caller's own (or deliberately shared) spaces and apps:
 * - any condition on sagemaker:OwnerUserProfileArn (including `Null` "true": only spaces without an
 *   owner, i.e. shared spaces, as AmazonSageMakerFullAccess does);
 * - `sagemaker:SpaceSharingType` limited to "Shared";
 * - a resource tag tied to the caller (ABAC);
 * - resources that each name one owner.
 */
function ownerScoped(s: Statement): boolean {
  if (conditionEntries(s).some(({ entry }) => isOwnerKey(entry.key.toLowerCase()))) return true;
  if (tiesResourceTagToCaller(s)) return true;
  const sharedOnly = conditionEntries(s).some(({ block, entry }) => {
    const op = parseOperator(block.operator);
    return entry.key.toLowerCase() === 'sagemaker:spacesharingtype' && op !== undefined && op.family === 'String' && !op.base.negated &&
      entry.values.length > 0 && entry.values.every((v) => v.text === 'Shared');
  });
  if (sharedOnly) return true;
  const resources = s.resources.map((r) => r.text);
  return s.element('Resource') !== undefined && resources.length > 0 && resources.every((r) => r === undefined || namesOneOwner(r));
}

/** The space and app actions the reference data lets you condition on the owner. */
const ownerActions = lazy(() => actionsSupportingKey('sagemaker', OWNER_KEY));

function notOwnerScopedAllow(s: Statement): boolean {
  return s.effect !== 'Allow' || ownerScoped(s);
}

function message(subject: string): string {
  return (
    `${subject} allowed on every Studio space and app, not only the caller's: whoever has ` +
    'this policy can create, change or delete spaces and apps that belong to other users\' profiles and private spaces. Scope it as ' +
    'the SageMaker guides and AmazonSageMakerFullAccess do: "ArnLike": ' +
    '{"sagemaker:OwnerUserProfileArn": "arn:aws:sagemaker:*:*:user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}"}, ' +
    'with "sagemaker:SpaceSharingType" for shared spaces.'
  );
}

export const rule: Rule = {
  id: 'studio-space-not-owner-scoped',
  defaultSeverity: 'warning',
  summary: 'Studio space and app actions (`CreateSpace`, `UpdateSpace`, `DeleteSpace`, `CreateApp`, `DeleteApp`) allowed on every space without `sagemaker:OwnerUserProfileArn`.',
  scope: guardingDenyText,
  check(ctx) {
    reportUnguardedGrants(ctx, ownerActions(), isOwnerKey, message, notOwnerScopedAllow);
  },
};
