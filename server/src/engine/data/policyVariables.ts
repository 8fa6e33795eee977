/**
 * Policy variables (`${aws:username}`) that IAM substitutes from the request context in Resource
 * ARNs and in String/ARN condition values. IAM accepts any single-valued condition key as a
 * variable, so after the hand-kept rows below the lookup falls back to the global and service keys.
 */
import { lookupGlobalConditionKey } from './globalConditionKeys';
import { reference } from './reference';

export interface PolicyVariableInfo {
  /** Real case without `${}`: `aws:username`, `sagemaker:DomainId`, or `*` for `${*}`. */
  name: string;
  /** What IAM puts in its place. */
  resolvesTo: string;
  /** special: a literal character; principal/request/federation: documented rows; key: any other single-valued key. */
  kind: 'special' | 'principal' | 'request' | 'federation' | 'key';
  url: string;
}

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
const PRINCIPAL_TABLE = `${PAGE}#principaltable`;
const REQUEST_INFO = `${PAGE}#policy-vars-infotouse`;
const OIDC_KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif';
const SAML_KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml';

const v = (name: string, kind: PolicyVariableInfo['kind'], url: string, resolvesTo: string): PolicyVariableInfo => ({ name, kind, url, resolvesTo });

export const POLICY_VARIABLES: readonly PolicyVariableInfo[] = [
  // A literal `*`, `?` or `$` would be a wildcard or start a variable; these stand for the character.
  v('*', 'special', REQUEST_INFO, 'A literal `*` character (not a wildcard).'),
  v('?', 'special', REQUEST_INFO, 'A literal `?` character (not a wildcard).'),
  v('$', 'special', REQUEST_INFO, 'A literal `$` character.'),
  v('aws:username', 'principal', PRINCIPAL_TABLE, 'The IAM user name. Not present for the root user, roles (including SageMaker execution roles) and federated principals, so the statement then never matches.'),
  v('aws:userid', 'principal', PRINCIPAL_TABLE, 'IAM user: its unique ID (AIDA...); role session: `role-id:session-name` (EC2: `role-id:instance-id`); federated user: `account:caller-specified-name`; root: the account ID; anonymous: `anonymous`.'),
  v('aws:PrincipalType', 'principal', PRINCIPAL_TABLE, 'Account, User, FederatedUser, AssumedRole or Anonymous.'),
  v('aws:PrincipalTag/${TagKey}', 'principal', REQUEST_INFO, 'The value of that tag on the calling user or role, or of that session tag.'),
  v('aws:PrincipalAccount', 'principal', REQUEST_INFO, 'The account ID of the caller.'),
  v('aws:PrincipalOrgID', 'principal', REQUEST_INFO, 'The organization ID (o-...) of the caller\'s account.'),
  v('aws:PrincipalArn', 'principal', REQUEST_INFO, 'The ARN of the caller (for a role session, the role ARN).'),
  v('aws:PrincipalServiceName', 'principal', REQUEST_INFO, 'The service principal name (e.g. sagemaker.amazonaws.com) when a service principal makes the call.'),
  v('aws:FederatedProvider', 'principal', REQUEST_INFO, 'The identity provider of an OIDC-federated role session.'),
  v('aws:SourceIdentity', 'principal', REQUEST_INFO, 'The source identity set when the role was assumed.'),
  v('ec2:SourceInstanceARN', 'principal', REQUEST_INFO, 'The ARN of the EC2 instance the role session belongs to.'),
  v('aws:CurrentTime', 'request', REQUEST_INFO, 'The date and time of the request (ISO 8601, e.g. 2025-01-31T12:00:00Z).'),
  v('aws:EpochTime', 'request', REQUEST_INFO, 'The date and time of the request in seconds since 1970-01-01.'),
  v('aws:TokenIssueTime', 'request', REQUEST_INFO, 'When the temporary credentials were issued.'),
  v('aws:SecureTransport', 'request', REQUEST_INFO, '"true" or "false": whether the request used TLS.'),
  v('aws:SourceIp', 'request', REQUEST_INFO, 'The requester\'s public IP address (absent through VPC endpoints).'),
  v('aws:SourceVpc', 'request', REQUEST_INFO, 'The VPC ID the request came through.'),
  v('aws:SourceVpce', 'request', REQUEST_INFO, 'The VPC endpoint ID the request came through.'),
  v('aws:VpcSourceIp', 'request', REQUEST_INFO, 'The requester\'s IP address inside the VPC.'),
  v('aws:RequestedRegion', 'request', REQUEST_INFO, 'The Region the request was sent to.'),
  v('saml:sub', 'federation', SAML_KEYS, 'The subject of the SAML assertion (a persistent or transient user ID).'),
  v('saml:sub_type', 'federation', SAML_KEYS, 'The subject format: persistent, transient or the full Format URI.'),
  v('saml:aud', 'federation', SAML_KEYS, 'The SAML endpoint URL the assertion was sent to.'),
  v('saml:iss', 'federation', SAML_KEYS, 'The issuer of the SAML assertion (the IdP).'),
  v('saml:namequalifier', 'federation', SAML_KEYS, 'Hash of the issuer, account ID and provider name; with saml:sub it identifies the user uniquely.'),
  v('cognito-identity.amazonaws.com:sub', 'federation', OIDC_KEYS, 'The Amazon Cognito identity ID of the user.'),
  v('cognito-identity.amazonaws.com:aud', 'federation', OIDC_KEYS, 'The Amazon Cognito identity pool ID.'),
  v('www.amazon.com:user_id', 'federation', OIDC_KEYS, 'The Login with Amazon user ID.'),
  v('www.amazon.com:app_id', 'federation', OIDC_KEYS, 'The Login with Amazon application ID.'),
  v('graph.facebook.com:id', 'federation', OIDC_KEYS, 'The Facebook user ID.'),
  v('graph.facebook.com:app_id', 'federation', OIDC_KEYS, 'The Facebook application ID.'),
  v('accounts.google.com:sub', 'federation', OIDC_KEYS, 'The Google user ID.'),
  v('accounts.google.com:aud', 'federation', OIDC_KEYS, 'The Google application (client) ID.'),
  v('accounts.google.com:oaud', 'federation', OIDC_KEYS, 'The Google other audience (client ID) of the token.'),
];

const byName = new Map(POLICY_VARIABLES.map((p) => [p.name.toLowerCase(), p]));
const TAG_ROW = POLICY_VARIABLES.find((p) => p.name === 'aws:PrincipalTag/${TagKey}')!;

/** A `${...}` occurrence in a string; `defaultValue` is the `, 'value'` fallback IAM uses when the key is absent. */
export interface PolicyVariableUse {
  name: string;
  defaultValue?: string;
  /** Offset and length of the whole `${...}` in the string. */
  offset: number;
  length: number;
}

export function policyVariablesIn(text: string): PolicyVariableUse[] {
  const uses: PolicyVariableUse[] = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    const { name, defaultValue } = splitDefault(m[1]);
    uses.push({ name, ...(defaultValue !== undefined ? { defaultValue } : {}), offset: m.index!, length: m[0].length });
  }
  return uses;
}

function splitDefault(inner: string): { name: string; defaultValue?: string } {
  const m = /^(.*?)\s*,\s*'(.*)'\s*$/.exec(inner);
  return m ? { name: m[1].trim(), defaultValue: m[2] } : { name: inner.trim() };
}

/**
 * Accepts `aws:username`, `${aws:username}` or `${aws:PrincipalTag/team, 'default'}`; case-insensitive
 * like condition keys. Undefined for unknown keys and multivalued keys (IAM cannot substitute a list).
 */
export function lookupPolicyVariable(name: string): PolicyVariableInfo | undefined {
  const bare = splitDefault(name.startsWith('${') && name.endsWith('}') ? name.slice(2, -1) : name).name;
  const row = byName.get(bare.toLowerCase());
  if (row) return row;
  if (/^aws:principaltag\/.+/i.test(bare)) return TAG_ROW;

  const global = lookupGlobalConditionKey(bare);
  if (global) {
    return global.multivalued ? undefined : { name: global.key, kind: 'key', url: global.url, resolvesTo: global.description };
  }
  const key = reference().conditionKey(bare);
  if (key && !key.type.startsWith('ArrayOf')) {
    return {
      name: key.key,
      kind: 'key',
      url: REQUEST_INFO,
      resolvesTo: `The value of the ${key.service} condition key ${key.key} (${key.type}) in the request; absent when the action does not set it.`,
    };
  }
  return undefined;
}
