/** IAM-style matching helpers shared by rules, hover and completion. */

const regexCache = new Map<string, RegExp>();

/** `*` matches any run of characters, `?` exactly one; case-insensitive (as IAM matches actions). */
export function wildcardRegExp(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'is');
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

/** Does the action pattern written in a policy (`iam:Pass*`, `*`) cover the concrete action `iam:PassRole`? */
export function actionPatternCovers(pattern: string, action: string): boolean {
  return wildcardRegExp(pattern).test(action);
}

export function hasWildcard(text: string): boolean {
  // `${*}` and `${?}` are policy variables that stand for a literal `*` / `?`, not wildcards.
  return /[*?]/.test(text.replace(/\$\{[*?$]\}/g, ''));
}

/** `*`, or an ARN whose resource part is only a wildcard (`arn:aws:iam::*:role/*`, `arn:aws:sagemaker:*:*:*`). */
export function isBroadResource(text: string): boolean {
  if (text === '*') return true;
  const parts = text.split(':');
  if (parts.length < 6) return false;
  const resource = parts.slice(5).join(':');
  return resource === '*' || /^[\w-]+\/\*$/.test(resource) || /^[\w-]+:\*$/.test(resource);
}

export function containsPolicyVariable(text: string): boolean {
  return /\$\{[^}]+\}/.test(text);
}
