/**
 * Documentation of the policy elements, for hovers, completion and rule messages. Which names are
 * valid where is the grammar's business (parse/grammar.ts); this table says what each one means.
 * Hand-kept from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */

export type ElementName =
  | 'Version'
  | 'Id'
  | 'Statement'
  | 'Sid'
  | 'Effect'
  | 'Principal'
  | 'NotPrincipal'
  | 'Action'
  | 'NotAction'
  | 'Resource'
  | 'NotResource'
  | 'Condition';

export interface ElementInfo {
  name: ElementName;
  /** top: in the policy object; statement: in each Statement entry. */
  level: 'top' | 'statement';
  required: boolean;
  description: string;
  /** The JSON shape or the allowed literal values. */
  values: string;
  /** Elements that cannot appear in the same statement. */
  exclusiveWith?: ElementName[];
  url: string;
}

const url = (page: string) => `https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_${page}.html`;

export const ELEMENTS: readonly ElementInfo[] = [
  {
    name: 'Version',
    level: 'top',
    required: false,
    description: 'The policy language version. Always write "2012-10-17": with "2008-10-17" or no Version, policy variables such as ${aws:username} are taken literally.',
    values: '"2012-10-17" (current) or "2008-10-17" (legacy)',
    url: url('version'),
  },
  {
    name: 'Id',
    level: 'top',
    required: false,
    description: 'An optional identifier for the policy; some services (e.g. SQS, SNS) require or keep it, IAM ignores it.',
    values: 'a string (a UUID is recommended)',
    url: url('id'),
  },
  {
    name: 'Statement',
    level: 'top',
    required: true,
    description: 'The main element: one statement object or an array of them. Each grants or denies a set of actions on a set of resources.',
    values: 'an object or an array of objects',
    url: url('statement'),
  },
  {
    name: 'Sid',
    level: 'statement',
    required: false,
    description: 'An optional statement ID; must be unique within the policy. IAM policies allow only ASCII letters and digits.',
    values: 'a string of A-Z, a-z, 0-9',
    url: url('sid'),
  },
  {
    name: 'Effect',
    level: 'statement',
    required: true,
    description: 'Whether the statement allows or explicitly denies access. An explicit Deny overrides any Allow.',
    values: '"Allow" or "Deny" (case-sensitive)',
    url: url('effect'),
  },
  {
    name: 'Principal',
    level: 'statement',
    required: false,
    description: 'Who the statement applies to. Required in resource-based policies (trust policies, bucket and key policies); not allowed in identity-based policies.',
    values: '"*" or an object with AWS, Service, Federated or CanonicalUser keys, each a string or an array of strings',
    exclusiveWith: ['NotPrincipal'],
    url: url('principal'),
  },
  {
    name: 'NotPrincipal',
    level: 'statement',
    required: false,
    description: 'Every principal except the listed ones. Only in resource-based policies; AWS recommends Deny with a aws:PrincipalArn condition instead.',
    values: 'an object with AWS, Service, Federated or CanonicalUser keys',
    exclusiveWith: ['Principal'],
    url: url('notprincipal'),
  },
  {
    name: 'Action',
    level: 'statement',
    required: false,
    description: 'The actions the statement covers, as service:Action; `*` and `?` are wildcards, matched case-insensitively. Each statement needs Action or NotAction.',
    values: 'a string or an array of strings such as "sagemaker:CreatePresignedDomainUrl", "s3:Get*", "*"',
    exclusiveWith: ['NotAction'],
    url: url('action'),
  },
  {
    name: 'NotAction',
    level: 'statement',
    required: false,
    description: 'Every action except the listed ones. With Allow it grants everything else, including future actions; usually used with Deny.',
    values: 'a string or an array of strings',
    exclusiveWith: ['Action'],
    url: url('notaction'),
  },
  {
    name: 'Resource',
    level: 'statement',
    required: false,
    description: 'The resources the statement covers, as ARNs (wildcards and policy variables allowed in the resource part). Required in identity-based policies; each statement needs Resource or NotResource except in trust policies.',
    values: 'a string or an array of strings: "*" or ARNs such as "arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-xxxx/*"',
    exclusiveWith: ['NotResource'],
    url: url('resource'),
  },
  {
    name: 'NotResource',
    level: 'statement',
    required: false,
    description: 'Every resource except the listed ones. With Allow it grants access to everything else; use with care.',
    values: 'a string or an array of strings (ARNs)',
    exclusiveWith: ['Resource'],
    url: url('notresource'),
  },
  {
    name: 'Condition',
    level: 'statement',
    required: false,
    description: 'Conditions under which the statement applies: { operator: { key: value(s) } }. All operators and keys must match (AND); multiple values of one key match if any does (OR).',
    values: 'an object of condition operators, each an object of condition keys to a string, number, boolean or array',
    url: url('condition'),
  },
];

const byName = new Map(ELEMENTS.map((e) => [e.name as string, e]));

/** Exact, case-sensitive as IAM is ("effect" is not an element). */
export function lookupElement(name: string): ElementInfo | undefined {
  return byName.get(name);
}
