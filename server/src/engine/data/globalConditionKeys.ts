/**
 * Global condition keys: usable in any policy, for any action, because IAM itself (not the called
 * service) puts them in the request context. Hand-kept from the IAM User Guide page below (the
 * generated service data lists only the few aws: keys each service's table repeats), including the
 * cross-service role-session keys that page documents (ec2:SourceInstanceArn, glue:RoleAssumedBy, ...).
 */
import { conditionKeyPattern } from './reference';

export type ConditionValueType = 'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress';
export type GlobalKeyCategory = 'principal' | 'session' | 'network' | 'resource' | 'request';

export interface GlobalConditionKey {
  /** Real case; tag keys written as `aws:PrincipalTag/${TagKey}`. */
  key: string;
  type: ConditionValueType;
  /** aws:EpochTime compares as a Date or as a Numeric. */
  alsoType?: ConditionValueType;
  /** Multivalued keys need ForAnyValue:/ForAllValues: and cannot be policy variables. */
  multivalued: boolean;
  category: GlobalKeyCategory;
  /** Keys whose values must not contain wildcards (the page's "sensitive condition keys"). */
  sensitive: boolean;
  /** A service-prefixed key that the page lists as available across services. */
  crossService: boolean;
  description: string;
  url: string;
}

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

interface Options {
  multi?: boolean;
  sensitive?: boolean;
  alsoType?: ConditionValueType;
}

function row(key: string, type: ConditionValueType, category: GlobalKeyCategory, anchor: string, description: string, o: Options = {}): GlobalConditionKey {
  return {
    key,
    type,
    ...(o.alsoType ? { alsoType: o.alsoType } : {}),
    multivalued: o.multi ?? false,
    category,
    sensitive: o.sensitive ?? false,
    crossService: !key.startsWith('aws:'),
    description,
    url: `${PAGE}#${anchor}`,
  };
}

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = [
  // Properties of the principal
  row('aws:PrincipalArn', 'ARN', 'principal', 'condition-keys-principalarn', 'ARN of the principal that made the request; for a role session, the role ARN (not the session ARN).'),
  row('aws:PrincipalAccount', 'String', 'principal', 'condition-keys-principalaccount', 'Account ID of the requesting principal (`anonymous` for anonymous requests).', { sensitive: true }),
  row('aws:PrincipalOrgPaths', 'String', 'principal', 'condition-keys-principalorgpaths', 'AWS Organizations paths (o-.../r-.../ou-.../) of the principal\'s account.', { multi: true }),
  row('aws:PrincipalOrgID', 'String', 'principal', 'condition-keys-principalorgid', 'Organization ID (o-...) of the principal\'s account.', { sensitive: true }),
  row('aws:PrincipalTag/${TagKey}', 'String', 'principal', 'condition-keys-principaltag', 'Value of the given tag on the requesting user or role, or of a session tag.'),
  row('aws:PrincipalIsAWSService', 'Bool', 'principal', 'condition-keys-principalisawsservice', 'True when an AWS service principal (e.g. cloudtrail.amazonaws.com) calls your resource directly.'),
  row('aws:PrincipalServiceName', 'String', 'principal', 'condition-keys-principalservicename', 'Service principal name when a service principal calls your resource directly.'),
  row('aws:PrincipalServiceNamesList', 'String', 'principal', 'condition-keys-principalservicenameslist', 'All service principal names (including Regional ones) of the calling service.', { multi: true }),
  row('aws:PrincipalType', 'String', 'principal', 'condition-keys-principaltype', 'Kind of principal: Account, User, FederatedUser, AssumedRole or Anonymous.'),
  row('aws:userid', 'String', 'principal', 'condition-keys-userid', 'Unique ID of the principal; for a role session `role-id:session-name`.'),
  row('aws:username', 'String', 'principal', 'condition-keys-username', 'IAM user name; absent for roles, the root user and federated principals.'),
  // Properties of a role session
  row('aws:AssumedRoot', 'Bool', 'session', 'condition-keys-assumedroot', 'Present (true) when the request uses credentials from sts:AssumeRoot.'),
  row('aws:FederatedProvider', 'String', 'session', 'condition-keys-federatedprovider', 'Identity provider that authenticated an OIDC-federated role session (a name or an ARN).'),
  row('aws:TokenIssueTime', 'Date', 'session', 'condition-keys-tokenissuetime', 'When the temporary security credentials were issued.'),
  row('aws:SignInSessionArn', 'ARN', 'session', 'condition-keys-signinsessionarn', 'ARN of the AWS Sign-In OAuth session the credentials come from.'),
  row('aws:MultiFactorAuthAge', 'Numeric', 'session', 'condition-keys-multifactorauthage', 'Seconds since the principal authenticated with MFA (temporary credentials only).'),
  row('aws:MultiFactorAuthPresent', 'Bool', 'session', 'condition-keys-multifactorauthpresent', 'Whether MFA validated the temporary credentials; absent for long-term access keys, so prefer BoolIfExists.'),
  row('aws:ChatbotSourceArn', 'ARN', 'session', 'condition-keys-chatbotsourcearn', 'Chat configuration ARN of a session started by Amazon Q Developer in chat applications.'),
  row('aws:Ec2InstanceSourceVpc', 'String', 'session', 'condition-keys-ec2instancesourcevpc', 'VPC to which EC2 instance role credentials were delivered.'),
  row('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress', 'session', 'condition-keys-ec2instancesourceprivateip4', 'Private IPv4 address of the instance the EC2 role credentials were delivered to.'),
  row('aws:SourceIdentity', 'String', 'session', 'condition-keys-sourceidentity', 'Source identity set when the role was assumed; persists through role chaining.'),
  row('ec2:RoleDelivery', 'Numeric', 'session', 'condition-keys-ec2-role-delivery', 'Instance metadata service version (1.0 or 2.0) that delivered the EC2 role credentials.'),
  row('ec2:SourceInstanceArn', 'ARN', 'session', 'condition-keys-ec2-source-instance-arn', 'ARN of the EC2 instance the role session was created for.'),
  row('glue:RoleAssumedBy', 'String', 'session', 'condition-keys-glue-role-assumed-by', 'Set to glue.amazonaws.com when AWS Glue calls with a service role on your behalf.'),
  row('glue:CredentialIssuingService', 'String', 'session', 'condition-keys-glue-credential-issuing', 'Set to glue.amazonaws.com for requests from a Glue job or development endpoint.'),
  row('codebuild:BuildArn', 'ARN', 'session', 'condition-keys-codebuild-build-arn', 'ARN of the CodeBuild build the role credentials were delivered to.'),
  row('codebuild:ProjectArn', 'ARN', 'session', 'condition-keys-codebuild-project-arn', 'ARN of the CodeBuild project the role credentials were delivered to.'),
  row('lambda:SourceFunctionArn', 'ARN', 'session', 'condition-keys-lambda-source-function-arn', 'ARN of the Lambda function whose execution environment made the request.'),
  row('ssm:SourceInstanceArn', 'ARN', 'session', 'condition-keys-ssm-source-instance-arn', 'ARN of the Systems Manager managed instance the role credentials were delivered to.'),
  row('identitystore:UserId', 'String', 'session', 'condition-keys-identity-store-user-id', 'IAM Identity Center user ID of the caller.'),
  // Properties of the network
  row('aws:SourceIp', 'IPAddress', 'network', 'condition-keys-sourceip', 'Public IP address of the requester; absent for requests through a VPC endpoint.'),
  row('aws:SourceVpc', 'String', 'network', 'condition-keys-sourcevpc', 'ID of the VPC the request came through (VPC endpoint requests only).', { sensitive: true }),
  row('aws:SourceVpcArn', 'ARN', 'network', 'condition-keys-sourcevpcarn', 'ARN of the VPC the request came through (supported services, VPC endpoint requests only).'),
  row('aws:SourceVpce', 'String', 'network', 'condition-keys-sourcevpce', 'ID of the VPC endpoint the request came through.', { sensitive: true }),
  row('aws:VpceAccount', 'String', 'network', 'condition-keys-vpceaccount', 'Account that owns the VPC endpoint the request came through (supported services).', { sensitive: true }),
  row('aws:VpceOrgID', 'String', 'network', 'condition-keys-vpceorgid', 'Organization ID of the account that owns the VPC endpoint (supported services).', { sensitive: true }),
  row('aws:VpceOrgPaths', 'String', 'network', 'condition-keys-vpceorgpaths', 'Organizations paths of the account that owns the VPC endpoint (supported services).', { multi: true }),
  row('aws:VpcSourceIp', 'IPAddress', 'network', 'condition-keys-vpcsourceip', 'IP address of the requester for requests through a VPC endpoint.'),
  // Properties of the resource
  row('aws:ResourceAccount', 'String', 'resource', 'condition-keys-resourceaccount', 'Account ID that owns the requested resource.', { sensitive: true }),
  row('aws:ResourceOrgPaths', 'String', 'resource', 'condition-keys-resourceorgpaths', 'Organizations paths of the account that owns the resource.', { multi: true }),
  row('aws:ResourceOrgID', 'String', 'resource', 'condition-keys-resourceorgid', 'Organization ID of the account that owns the resource.', { sensitive: true }),
  row('aws:ResourceTag/${TagKey}', 'String', 'resource', 'condition-keys-resourcetag', 'Value of the given tag on the requested resource (for services that authorize by tags).'),
  // Properties of the request
  row('aws:CalledVia', 'String', 'request', 'condition-keys-calledvia', 'Service principals that made the request on the principal\'s behalf (forward access sessions), in order.', { multi: true }),
  row('aws:CalledViaFirst', 'String', 'request', 'condition-keys-calledviafirst', 'First service in the aws:CalledVia chain.'),
  row('aws:CalledViaLast', 'String', 'request', 'condition-keys-calledvialast', 'Last service in the aws:CalledVia chain.'),
  row('aws:CalledViaAWSMCP', 'String', 'request', 'condition-keys-calledviaawasmcp', 'Service principal of the AWS MCP service that made the request on the principal\'s behalf.'),
  row('aws:ViaAWSService', 'Bool', 'request', 'condition-keys-viaawsservice', 'True when an AWS service makes the request on the principal\'s behalf (forward access sessions).'),
  row('aws:ViaAWSMCPService', 'Bool', 'request', 'condition-keys-viaawsmcpservice', 'True when an AWS MCP service forwards the request on the principal\'s behalf.'),
  row('aws:CurrentTime', 'Date', 'request', 'condition-keys-currenttime', 'Date and time of the request.'),
  row('aws:EpochTime', 'Date', 'request', 'condition-keys-epochtime', 'Date and time of the request as seconds since 1970-01-01 (compare with Date or Numeric operators).', { alsoType: 'Numeric' }),
  row('aws:referer', 'String', 'request', 'condition-keys-referer', 'HTTP Referer header sent by the caller; easily forged, never use it for authorization.'),
  row('aws:RequestedRegion', 'String', 'request', 'condition-keys-requestedregion', 'Region the request was sent to (global services such as IAM use us-east-1).'),
  row('aws:RequestTag/${TagKey}', 'String', 'request', 'condition-keys-requesttag', 'Value of the given tag passed in the request.'),
  row('aws:TagKeys', 'String', 'request', 'condition-keys-tagkeys', 'Tag keys passed in the request.', { multi: true }),
  row('aws:SecureTransport', 'Bool', 'request', 'condition-keys-securetransport', 'Whether the request was sent over TLS.'),
  row('aws:SourceAccount', 'String', 'request', 'condition-keys-sourceaccount', 'Account of the resource on whose behalf a service principal calls (confused-deputy protection).', { sensitive: true }),
  row('aws:SourceArn', 'ARN', 'request', 'condition-keys-sourcearn', 'ARN of the resource on whose behalf a service principal calls (confused-deputy protection).'),
  row('aws:SourceOrgID', 'String', 'request', 'condition-keys-sourceorgid', 'Organization ID of the resource on whose behalf a service principal calls.', { sensitive: true }),
  row('aws:SourceOrgPaths', 'String', 'request', 'condition-keys-sourceorgpaths', 'Organizations paths of the resource on whose behalf a service principal calls.', { multi: true }),
  row('aws:UserAgent', 'String', 'request', 'condition-keys-useragent', 'Client application named by the caller; easily forged.'),
  row('aws:IsMcpServiceAction', 'Bool', 'request', 'condition-keys-ismcpserviceaction', 'True when the action being authorized is an MCP service action.'),
];

const exact = new Map(GLOBAL_CONDITION_KEYS.map((k) => [k.key.toLowerCase(), k]));
const patterns = GLOBAL_CONDITION_KEYS.flatMap((k) => {
  const pattern = conditionKeyPattern(k.key);
  return pattern ? [[pattern, k] as const] : [];
});

/**
 * Case-insensitive, as IAM compares condition keys: `aws:sourcevpce` finds aws:SourceVpce and
 * `aws:PrincipalTag/team` finds aws:PrincipalTag/${TagKey}. A tag key needs a name after the `/`.
 */
export function lookupGlobalConditionKey(key: string): GlobalConditionKey | undefined {
  return exact.get(key.toLowerCase()) ?? patterns.find(([pattern]) => pattern.test(key))?.[1];
}

/** The type in the Service Authorization Reference's spelling (ArrayOfString for multivalued keys). */
export function globalKeyDataType(key: GlobalConditionKey): string {
  return key.multivalued ? `ArrayOf${key.type}` : key.type;
}
