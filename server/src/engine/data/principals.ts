/**
 * The Principal element: its types and the shapes of their values, hand-kept from
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';

export interface PrincipalTypeInfo {
  type: PrincipalType;
  description: string;
  examples: string[];
  url: string;
}

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html';

export const PRINCIPAL_TYPES: readonly PrincipalTypeInfo[] = [
  {
    type: 'AWS',
    description: 'AWS accounts (12-digit ID or root ARN), IAM roles, IAM users, role sessions and STS federated users, by ARN; `*` for every AWS principal.',
    examples: ['123456789012', 'arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/SageMakerExecutionRole', 'arn:aws:sts::123456789012:assumed-role/role-name/session-name'],
    url: `${PAGE}#principal-accounts`,
  },
  {
    type: 'Service',
    description: 'AWS service principals, such as sagemaker.amazonaws.com, that act with the role in a trust policy or call your resource directly. `"Service": "*"` is not allowed.',
    examples: ['sagemaker.amazonaws.com', 'events.amazonaws.com'],
    url: `${PAGE}#principal-services`,
  },
  {
    type: 'Federated',
    description: 'OIDC or SAML identity providers: an IAM OIDC/SAML provider ARN, or cognito-identity.amazonaws.com, www.amazon.com, graph.facebook.com, accounts.google.com.',
    examples: ['arn:aws:iam::123456789012:saml-provider/MyIdP', 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE', 'cognito-identity.amazonaws.com'],
    url: `${PAGE}#principal-federated-web-identity`,
  },
  {
    type: 'CanonicalUser',
    description: 'An Amazon S3 canonical user ID (64 hex characters); used in S3 bucket policies, e.g. for CloudFront origin access identities.',
    examples: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'],
    // The IAM page no longer documents this type; the S3 guide does.
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/finding-canonical-user-id.html',
  },
  {
    type: '*',
    description: '`"Principal": "*"` (same as `{"AWS": "*"}`): everyone, including anonymous callers, unless a Condition narrows it.',
    examples: ['*'],
    url: `${PAGE}#principal-anonymous`,
  },
];

export function lookupPrincipalType(type: string): PrincipalTypeInfo | undefined {
  // Principal type names are case-sensitive in IAM ("aws" is rejected).
  return PRINCIPAL_TYPES.find((p) => p.type === type);
}

export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/** The account root principal: `arn:<partition>:iam::<account>:root`. */
export function isAccountRootArn(value: string): boolean {
  return /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:iam::\d{12}:root$/.test(value);
}

/**
 * `<name>.amazonaws.com`, including Regional names (logs.us-east-1.amazonaws.com) and the other
 * partitions' domains (China `.amazonaws.com.cn`, ISO `.c2s.ic.gov`/`.sc2s.sgov.gov`); plus the few
 * Alexa principals under `.amazon.com`.
 */
export function isServicePrincipal(value: string): boolean {
  return /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|c2s\.ic\.gov|sc2s\.sgov\.gov|amazon\.com)$/.test(value) && !value.includes('..');
}

export function isCanonicalUserId(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** Built-in web identity providers usable as `Federated` principals without an IAM provider ARN. */
export const WEB_IDENTITY_PROVIDERS: readonly string[] = ['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com'];

export interface KnownServicePrincipal {
  name: string;
  /** Why it shows up around SageMaker. */
  usage: string;
}

/** Service principals seen in SageMaker trust and resource policies; other valid names are not errors. */
export const SAGEMAKER_SERVICE_PRINCIPALS: readonly KnownServicePrincipal[] = [
  { name: 'sagemaker.amazonaws.com', usage: 'Execution roles of Studio, notebooks, training, processing, endpoints and pipelines.' },
  { name: 'sagemaker-geospatial.amazonaws.com', usage: 'Execution roles of SageMaker geospatial jobs.' },
  { name: 'events.amazonaws.com', usage: 'EventBridge rules that start SageMaker pipelines.' },
  { name: 'scheduler.amazonaws.com', usage: 'EventBridge Scheduler, used by scheduled Studio notebook jobs and pipelines.' },
  { name: 'glue.amazonaws.com', usage: 'Glue interactive sessions and jobs started from Studio / Data Wrangler.' },
  { name: 'lakeformation.amazonaws.com', usage: 'Lake Formation data access roles for governed tables.' },
  { name: 'states.amazonaws.com', usage: 'Step Functions workflows that drive SageMaker jobs.' },
  { name: 'lambda.amazonaws.com', usage: 'Lambda functions invoked by pipelines or calling endpoints.' },
  { name: 'codebuild.amazonaws.com', usage: 'SageMaker Projects (MLOps templates) build and deploy stages.' },
  { name: 'codepipeline.amazonaws.com', usage: 'SageMaker Projects (MLOps templates) pipelines.' },
  { name: 'cloudformation.amazonaws.com', usage: 'SageMaker Projects templates deployed with CloudFormation.' },
  { name: 'servicecatalog.amazonaws.com', usage: 'SageMaker Projects launch roles (Service Catalog products).' },
  { name: 'datazone.amazonaws.com', usage: 'SageMaker Unified Studio domains and projects.' },
  { name: 'bedrock.amazonaws.com', usage: 'Bedrock jobs and models used alongside SageMaker.' },
  { name: 'elasticmapreduce.amazonaws.com', usage: 'EMR clusters connected from Studio.' },
  { name: 'emr-serverless.amazonaws.com', usage: 'EMR Serverless applications used from Studio.' },
  { name: 'redshift.amazonaws.com', usage: 'Redshift ML, which trains and hosts models through SageMaker.' },
  { name: 'application-autoscaling.amazonaws.com', usage: 'Auto scaling of SageMaker endpoint variants.' },
  { name: 'airflow.amazonaws.com', usage: 'Amazon MWAA environments orchestrating SageMaker.' },
  { name: 'airflow-env.amazonaws.com', usage: 'Amazon MWAA environment execution roles.' },
  { name: 'ec2.amazonaws.com', usage: 'EC2 instance profiles calling SageMaker.' },
  { name: 'eks.amazonaws.com', usage: 'EKS cluster roles of SageMaker HyperPod clusters orchestrated by EKS.' },
];

const knownNames = new Set(SAGEMAKER_SERVICE_PRINCIPALS.map((p) => p.name));

export function isKnownSageMakerServicePrincipal(value: string): boolean {
  return knownNames.has(value);
}
