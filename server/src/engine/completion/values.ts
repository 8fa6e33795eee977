/**
 * Condition values whose set is known: booleans, service principals, principal types and the
 * enumerations of a few SageMaker keys (the values the SageMaker API accepts for the field the key
 * reflects). Instance types are not listed: the reference data has no such enumeration.
 */
import { SAGEMAKER_SERVICE_PRINCIPALS } from '../data/principals';

export interface KnownValue {
  value: string;
  description?: string;
}

const servicePrincipals = (): KnownValue[] => SAGEMAKER_SERVICE_PRINCIPALS.map((p) => ({ value: p.name, description: p.usage }));

const ENUMS: Record<string, () => KnownValue[]> = {
  'iam:passedtoservice': servicePrincipals,
  'aws:principalservicename': servicePrincipals,
  'aws:principalservicenameslist': servicePrincipals,
  'aws:calledvia': servicePrincipals,
  'aws:calledviafirst': servicePrincipals,
  'aws:calledvialast': servicePrincipals,
  'aws:principaltype': () => [
    { value: 'Account', description: 'The account root user.' },
    { value: 'User', description: 'An IAM user.' },
    { value: 'FederatedUser', description: 'An STS federated user session (GetFederationToken).' },
    { value: 'AssumedRole', description: 'A role session: SageMaker execution roles, SSO and SAML users.' },
    { value: 'Anonymous', description: 'An unauthenticated caller.' },
  ],
  'sagemaker:directinternetaccess': () => [{ value: 'Enabled' }, { value: 'Disabled', description: 'No direct internet access: traffic goes through your VPC.' }],
  'sagemaker:rootaccess': () => [{ value: 'Enabled' }, { value: 'Disabled', description: 'Users get no root access on the notebook instance.' }],
  'sagemaker:appnetworkaccesstype': () => [
    { value: 'PublicInternetOnly', description: 'Studio apps reach the internet through SageMaker-managed networking.' },
    { value: 'VpcOnly', description: 'All Studio traffic goes through your VPC.' },
  ],
  'sagemaker:authmode': () => [{ value: 'IAM' }, { value: 'SSO', description: 'IAM Identity Center.' }],
  'sagemaker:modelapprovalstatus': () => [{ value: 'Approved' }, { value: 'Rejected' }, { value: 'PendingManualApproval' }],
  'sagemaker:filesystemaccessmode': () => [{ value: 'ro', description: 'Read-only.' }, { value: 'rw', description: 'Read-write.' }],
  'sagemaker:filesystemtype': () => [{ value: 'EFS' }, { value: 'FSxLustre' }],
  'sagemaker:minimuminstancemetadataserviceversion': () => [{ value: '2', description: 'IMDSv2 only.' }, { value: '1' }],
  'sagemaker:spacesharingtype': () => [{ value: 'Private' }, { value: 'Shared' }],
  'sagemaker:workteamtype': () => [{ value: 'private-crowd' }, { value: 'public-crowd' }, { value: 'vendor-crowd' }],
};

export const BOOLEAN_VALUES: readonly KnownValue[] = [{ value: 'true' }, { value: 'false' }];

export function knownValues(key: string): KnownValue[] | undefined {
  return ENUMS[key.toLowerCase()]?.();
}
