import { reference } from '../data/reference';
import { isCanonicalUserId, isServicePrincipal, lookupPrincipalType, PRINCIPAL_TYPES, WEB_IDENTITY_PROVIDERS } from '../data/principals';
import { replaceNode, replaceString } from '../edits';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { principalOf } from './_principals';
import { didYouMean } from './_util';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
/** IAM unique IDs (AIDA... users, AROA... roles): IAM shows them when the named principal was deleted. */
const UNIQUE_ID = /^A(IDA|ROA|IPA|GPA|NPA|NVA|SIA|KIA)[A-Z0-9]{4,}$/;
const TYPE_NAMES = PRINCIPAL_TYPES.map((t) => t.type).filter((t) => t !== '*');

interface Problem {
  message: string;
  replacement?: string;
}

function accountProblem(account: string, where: string): Problem | undefined {
  if (/^\d{12}$/.test(account)) return undefined;
  if (/^\d+$/.test(account)) return { message: `the account ID "${account}" ${where}has ${account.length} digits; an AWS account ID has exactly 12` };
  return { message: `"${account}" ${where}is not an account ID (12 digits)` };
}

/** ARN of an IAM/STS principal: arn:partition:iam::account:root|user/...|role/..., arn:partition:sts::account:assumed-role/... */
function arnProblem(value: string, services: string[], resourceHint: string): Problem | undefined {
  const parts = value.split(':');
  if (parts.length < 6) return { message: `"${value}" is not a complete ARN (arn:partition:service:region:account:resource)` };
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.has(partition)) return { message: `"${partition}" in "${value}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)` };
  if (!services.includes(service)) return { message: `"${value}" is not ${resourceHint}` };
  if (region !== '') return { message: `"${value}" has a region ("${region}"), but IAM and STS ARNs have none` };
  // CloudFront origin access identities are written arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E...
  if (/[*?]/.test(value)) return { message: `"${value}" has a wildcard, which a principal ARN cannot have (only the whole value "*" is allowed): use "*" with an ArnLike aws:PrincipalArn condition instead` };
  if (!(service === 'iam' && account === 'cloudfront')) {
    const bad = accountProblem(account, 'in the account field ');
    if (bad) return bad;
  }
  if (resource === '') return { message: `"${value}" has no resource part` };
  return undefined;
}

function awsProblem(value: string): Problem | undefined {
  if (value === '*' || /^\d{12}$/.test(value) || UNIQUE_ID.test(value)) return undefined;
  if (value.startsWith('arn:')) return arnProblem(value, ['iam', 'sts'], 'an IAM or STS principal ARN (arn:aws:iam::123456789012:role/Name, ...:root, arn:aws:sts::123456789012:assumed-role/...)');
  if (/^\d+$/.test(value)) return accountProblem(value, '');
  return { message: `"${value}" is neither a 12-digit account ID nor an IAM/STS principal ARN` };
}

function serviceProblem(value: string): Problem | undefined {
  if (value === '*') return { message: '"Service": "*" is not allowed: name the service principal, such as "sagemaker.amazonaws.com"' };
  const lower = value.toLowerCase();
  const amazonCom = /^([a-z0-9-]+)\.amazon\.com$/.exec(lower);
  if (amazonCom && !amazonCom[1].startsWith('alexa') && reference().hasService(amazonCom[1])) {
    return { message: `"${value}" is not a service principal: AWS service principals end in .amazonaws.com`, replacement: `${amazonCom[1]}.amazonaws.com` };
  }
  if (isServicePrincipal(value)) return undefined;
  if (/^[a-z0-9-]+$/i.test(value)) {
    return { message: `"${value}" is a service name, not a service principal (those end in .amazonaws.com)`, replacement: `${lower}.amazonaws.com` };
  }
  if (value.startsWith('arn:')) return { message: `"${value}" is an ARN, but a service principal is a name such as "sagemaker.amazonaws.com"` };
  // Upper case in a valid name: whether IAM folds it is not documented, so say nothing.
  if (isServicePrincipal(lower)) return undefined;
  return { message: `"${value}" is not a service principal (a name such as "sagemaker.amazonaws.com")` };
}

function federatedProblem(value: string): Problem | undefined {
  if (WEB_IDENTITY_PROVIDERS.includes(value)) return undefined;
  if (value.startsWith('arn:')) {
    const problem = arnProblem(value, ['iam'], 'an IAM identity provider ARN (arn:aws:iam::123456789012:saml-provider/Name or :oidc-provider/host)');
    if (problem) return problem;
    const resource = value.split(':').slice(5).join(':');
    if (/^(saml-provider|oidc-provider)\/.+/.test(resource)) return undefined;
    return { message: `"${value}" is not an identity provider ARN: a Federated principal names a saml-provider/ or oidc-provider/` };
  }
  return { message: `"${value}" is not an identity provider: use an IAM SAML/OIDC provider ARN or one of ${WEB_IDENTITY_PROVIDERS.join(', ')}` };
}

function canonicalProblem(value: string): Problem | undefined {
  return isCanonicalUserId(value) ? undefined : { message: `"${value}" is not an S3 canonical user ID (64 lower-case hex characters)` };
}

const CHECKS: Record<string, (value: string) => Problem | undefined> = {
  AWS: awsProblem,
  Service: serviceProblem,
  Federated: federatedProblem,
  CanonicalUser: canonicalProblem,
};

export const rule: Rule = {
  id: 'invalid-principal',
  defaultSeverity: 'error',
  summary: 'A bad principal: an account that is not 12 digits (`AccountX`), an unknown principal type, a malformed service principal (`sagemaker`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const p = principalOf(s);
      if (!p) continue;
      const element = p.property.key;
      if (p.bareString) {
        const text = p.bareString.value as string;
        const type = /^\d{12}$/.test(text) || /^arn:[^:]*:(iam|sts):/.test(text) ? 'AWS' : isServicePrincipal(text) ? 'Service' : undefined;
        const fixes: Fix[] = type ? [{ title: `Write {"${type}": "${text}"}`, edits: [replaceNode(p.bareString, `{ "${type}": ${JSON.stringify(text)} }`)], preferred: true }] : [];
        report({
          node: p.bareString,
          message: `"${element}": "${text}" is invalid: as a string, ${element} can only be "*". IAM rejects the policy. Name the principal by type: {"AWS": "..."}, {"Service": "..."}, {"Federated": "..."} or {"CanonicalUser": "..."}.`,
          fixes,
        });
        continue;
      }
      for (const entry of p.entries) {
        const check = CHECKS[entry.type];
        if (!lookupPrincipalType(entry.type) || !check) {
          const taken = new Set(p.entries.map((e) => e.type));
          const caseMatch = TYPE_NAMES.find((t) => t.toLowerCase() === entry.type.toLowerCase());
          const candidates = caseMatch ? [caseMatch] : entry.type.length <= 64 ? didYouMean(entry.type, TYPE_NAMES, 3) : [];
          const suggestions = candidates.filter((t) => !taken.has(t));
          const hint = candidates.length ? ` (did you mean "${candidates[0]}"?${taken.has(candidates[0]) ? ` Merge its values into the existing "${candidates[0]}" entry.` : ''})` : '';
          report({
            node: entry.property.keyNode,
            message: `"${entry.type}" is not a principal type (names are case-sensitive), so IAM rejects the policy. Use AWS, Service, Federated or CanonicalUser${hint}.`,
            fixes: suggestions.map((t) => ({ title: `Change ${entry.type} to ${t}`, edits: [replaceString(entry.property.keyNode, t)], preferred: suggestions.length === 1 })),
          });
          continue;
        }
        for (const item of entry.items) {
          // Intrinsics and non-strings (invalid-type reports those); variables are not expanded in Principal (invalid-policy-variable).
          if (item.node.type !== 'string' || item.text === undefined || item.text.includes('${')) continue;
          const problem = check(item.text);
          if (!problem) continue;
          report({
            node: item.node,
            message: `Invalid ${entry.type} principal: ${problem.message}. IAM rejects the policy${problem.replacement ? `. Write "${problem.replacement}"` : ''}.`,
            fixes: problem.replacement ? [{ title: `Change to ${problem.replacement}`, edits: [replaceString(item.node, problem.replacement)], preferred: true }] : [],
          });
        }
      }
    }
  },
};
