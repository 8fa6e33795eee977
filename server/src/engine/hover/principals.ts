/** Hovers in Principal / NotPrincipal: the principal types and who each value stands for. */
import {
  SAGEMAKER_SERVICE_PRINCIPALS,
  WEB_IDENTITY_PROVIDERS,
  isAccountId,
  isCanonicalUserId,
  isServicePrincipal,
  lookupPrincipalType,
  PRINCIPAL_TYPES,
} from '../data/principals';
import { parseArn } from '../arn';
import type { HoverContext } from './context';
import { elementOf, stringValue } from './context';
import { blocks, code, link } from './format';

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html';
const CONFUSED_DEPUTY = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html';

function inPrincipal(ctx: HoverContext): boolean {
  const el = elementOf(ctx);
  return !!ctx.loc.statement && (el === 'Principal' || el === 'NotPrincipal');
}

export function principalTypeHover(ctx: HoverContext): string | undefined {
  if (!inPrincipal(ctx) || !ctx.loc.isKey || ctx.loc.path.length !== 2) return undefined;
  const type = ctx.loc.path[1];
  if (typeof type !== 'string') return undefined; // a Principal written as an array
  const info = lookupPrincipalType(type);
  if (!info) {
    const fixed = PRINCIPAL_TYPES.find((p) => p.type.toLowerCase() === type.toLowerCase());
    return blocks(`**${code(type)}** · not a principal type`, fixed ? `Principal types are case-sensitive: write ${code(fixed.type)}.` : 'Use `AWS`, `Service`, `Federated` or `CanonicalUser`.', link('IAM: Principal', PAGE));
  }
  return blocks(`**${type}** · principal type`, info.description, `Examples: ${info.examples.slice(0, 2).map(code).join(', ')}`, link(`IAM: Principal (${type})`, info.url));
}

interface Who {
  title: string;
  trusts: string;
  url: string;
}

const serviceUsage = new Map(SAGEMAKER_SERVICE_PRINCIPALS.map((p) => [p.name, p.usage]));

/** What a principal value stands for; `type` is the key it sits under (undefined for `"Principal": "*"`). */
export function describePrincipal(value: string, type: string | undefined): Who | undefined {
  const typeUrl = (t: string) => lookupPrincipalType(t)?.url ?? PAGE;
  if (value === '*') {
    if (type === 'Service' || type === 'Federated') return { title: `**${code('*')}** · invalid here`, trusts: `\`"${type}": "*"\` is not allowed; name the ${type === 'Service' ? 'service principals' : 'identity providers'}.`, url: typeUrl(type) };
    return { title: '**`*`** · everyone', trusts: 'Every principal: any AWS account, role or user, **and anonymous callers**, unless a Condition narrows it (e.g. `aws:PrincipalOrgID`, `aws:SourceAccount`).', url: typeUrl('*') };
  }
  if (type === 'Service' || (type === undefined && isServicePrincipal(value))) {
    if (!isServicePrincipal(value)) return { title: `**${code(value)}** · not a service principal`, trusts: 'Service principals look like `sagemaker.amazonaws.com`.', url: typeUrl('Service') };
    const usage = serviceUsage.get(value);
    return {
      title: `**${value}** · AWS service principal`,
      trusts: `The AWS service itself: in a trust policy it can assume this role; in a resource policy it can call the resource on your behalf. ${usage ? `${usage} ` : ''}Scope it with \`aws:SourceAccount\` / \`aws:SourceArn\` ([confused deputy](${CONFUSED_DEPUTY})).`,
      url: typeUrl('Service'),
    };
  }
  if (type === 'CanonicalUser') {
    return { title: `**Canonical user** ${code(value.length > 16 ? `${value.slice(0, 12)}…` : value)}`, trusts: isCanonicalUserId(value) ? 'An Amazon S3 canonical user ID (an account or a CloudFront origin access identity).' : 'Canonical user IDs are 64 hexadecimal characters.', url: typeUrl('CanonicalUser') };
  }
  if (type === 'Federated' && WEB_IDENTITY_PROVIDERS.includes(value)) {
    return { title: `**${value}** · web identity provider`, trusts: `Users signed in with this provider, through \`sts:AssumeRoleWithWebIdentity\`. Restrict them with conditions on \`${value}:aud\` / \`:sub\`.`, url: typeUrl('Federated') };
  }
  if (isAccountId(value)) {
    return { title: `**AWS account ${value}** · principal`, trusts: 'The whole account (same as `arn:aws:iam::' + value + ':root`): any IAM user or role in it that its own identity-based policies allow, not just the root user.', url: typeUrl('AWS') };
  }
  const arn = parseArn(value);
  if (!arn) return { title: `**${code(value)}** · principal`, trusts: type === 'AWS' ? 'AWS principals are 12-digit account IDs or IAM/STS ARNs.' : 'Not a recognised principal.', url: typeUrl(type ?? 'AWS') };
  const account = arn.account ? `account ${code(arn.account)}` : 'an account';
  const [kind, ...rest] = arn.resource.split('/');
  const name = rest.join('/');
  const shortName = rest[rest.length - 1] ?? '';
  if (arn.service === 'iam' && arn.resource === 'root') {
    return { title: `**AWS account ${arn.account}** · principal`, trusts: `The whole ${account}: any IAM user or role in it that its own identity-based policies allow, not just the root user.`, url: typeUrl('AWS') };
  }
  if (arn.service === 'iam' && kind === 'role') {
    return { title: `**IAM role ${code(shortName)}** · principal`, trusts: `Sessions of the role ${code(name)} in ${account}: whoever has assumed it. IAM binds the role's unique ID, so a deleted and recreated role must be named again.`, url: `${PAGE}#principal-roles` };
  }
  if (arn.service === 'iam' && kind === 'user') {
    return { title: `**IAM user ${code(shortName)}** · principal`, trusts: `The IAM user ${code(name)} in ${account}.`, url: `${PAGE}#principal-users` };
  }
  if (arn.service === 'sts' && kind === 'assumed-role') {
    return { title: `**Role session ${code(rest[1] ?? '')}** of role ${code(rest[0] ?? '')}`, trusts: `Only that session of the role in ${account}, not the role's other sessions.`, url: `${PAGE}#sts-session-principals` };
  }
  if (arn.service === 'sts' && kind === 'federated-user') {
    return { title: `**Federated user ${code(name)}** · principal`, trusts: `An STS federated user session (sts:GetFederationToken) in ${account}.`, url: `${PAGE}#sts-session-principals` };
  }
  if (arn.service === 'iam' && kind === 'saml-provider') {
    return { title: `**SAML identity provider ${code(name)}** · principal`, trusts: `Users that this IdP (registered in ${account}) authenticates, through \`sts:AssumeRoleWithSAML\`. Check \`SAML:aud\` in a condition.`, url: typeUrl('Federated') };
  }
  if (arn.service === 'iam' && kind === 'oidc-provider') {
    return { title: `**OIDC identity provider ${code(name)}** · principal`, trusts: `Identities that this provider (registered in ${account}) issues tokens for, through \`sts:AssumeRoleWithWebIdentity\`. Restrict \`${name}:sub\` and \`:aud\` in conditions.`, url: typeUrl('Federated') };
  }
  return { title: `**${code(value)}** · principal`, trusts: `A principal of ${account}.`, url: typeUrl(type ?? 'AWS') };
}

export function principalValueHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  if (value === undefined || !inPrincipal(ctx) || ctx.loc.path.length > 3) return undefined;
  const segment = ctx.loc.path.length >= 2 ? ctx.loc.path[1] : undefined;
  if (typeof segment === 'number') return undefined; // a Principal written as an array
  const type = segment;
  if (type === undefined && value !== '*') {
    return blocks(`**${code(value)}** · invalid Principal`, 'A string Principal can only be `"*"`; otherwise write an object such as `{"AWS": "arn:aws:iam::123456789012:root"}` or `{"Service": "sagemaker.amazonaws.com"}`.', link('IAM: Principal', PAGE));
  }
  const inNot = elementOf(ctx) === 'NotPrincipal';
  const who = describePrincipal(value, type);
  if (!who) return undefined;
  const not = inNot ? '_In `NotPrincipal`: the statement applies to every principal except this one._' : undefined;
  return blocks(who.title, who.trusts, not, link('IAM: Principal', who.url));
}

/** Keys whose values are service principals. */
const SERVICE_VALUED_KEYS = /^(iam:PassedToService|aws:PrincipalServiceName|aws:PrincipalServiceNamesList|aws:CalledVia|aws:CalledViaFirst|aws:CalledViaLast)$/i;

export function servicePrincipalConditionValueHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  const { path, statement } = ctx.loc;
  if (value === undefined || !statement || path[0] !== 'Condition' || path.length < 3 || path.length > 4) return undefined;
  if (!SERVICE_VALUED_KEYS.test(path[2] as string) || !isServicePrincipal(value)) return undefined;
  const who = describePrincipal(value, 'Service')!;
  const passed = /^iam:PassedToService$/i.test(path[2] as string) ? `\`iam:PassRole\` is allowed only when the role is passed to this service.` : `Matched against ${code(path[2] as string)}.`;
  return blocks(who.title, passed, serviceUsage.get(value), link('IAM: service principals', who.url));
}
