/** IAM-style matching helpers shared by rules, hover and completion. */

export interface GlobOptions {
  /** Compare letters case-insensitively (IAM does for actions and service prefixes, not for ARNs or values). */
  ignoreCase?: boolean;
  /** What `?` may stand for; any single character unless given. */
  one?: (ch: string) => boolean;
}

/**
 * IAM wildcard matching: `*` matches any run of characters, `?` exactly one. Iterative two-pointer
 * matching with backtracking to the last `*` only, so it needs no RegExp (V8 rejects RegExps built from
 * very long policy text) and no recursion, and runs in O(pattern + text) on typical input. A pattern with
 * more literal characters than the text has cannot match and is rejected before any work.
 */
export function globMatches(pattern: string, text: string, options: GlobOptions = {}): boolean {
  if (pattern === '*') return true;
  const ignoreCase = options.ignoreCase === true;
  const one = options.one;
  let literals = 0;
  let wildcards = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR) wildcards = true;
    else {
      literals++;
      if (c === QUESTION) wildcards = true;
    }
  }
  if (literals > text.length) return false;
  if (!wildcards) return pattern.length === text.length && (pattern === text || (ignoreCase && sameIgnoringCase(pattern, text)));
  let pi = 0;
  let ti = 0;
  let starAt = -1; // pattern index just after the last `*` seen
  let starText = 0; // text index that `*` has absorbed up to
  while (ti < text.length) {
    const pc = pi < pattern.length ? pattern.charCodeAt(pi) : -1;
    if (pc === STAR) {
      starAt = ++pi;
      starText = ti;
    } else if (pc !== -1 && (pc === QUESTION ? !one || one(text[ti]) : charsEqual(pc, text.charCodeAt(ti), ignoreCase))) {
      pi++;
      ti++;
    } else if (starAt >= 0) {
      // Let the last `*` absorb one more character and retry the rest of the pattern from there.
      pi = starAt;
      ti = ++starText;
    } else {
      return false;
    }
  }
  while (pi < pattern.length && pattern.charCodeAt(pi) === STAR) pi++;
  return pi === pattern.length;
}

/** The character codes of IAM's two wildcards, `*` and `?`. */
export const STAR = 42;
export const QUESTION = 63;

function charsEqual(a: number, b: number, ignoreCase: boolean): boolean {
  if (a === b) return true;
  if (!ignoreCase) return false;
  if (a < 128 && b < 128) return (a | 32) === (b | 32) && ((a | 32) >= 97 && (a | 32) <= 122);
  return String.fromCharCode(a).toLowerCase() === String.fromCharCode(b).toLowerCase();
}

function sameIgnoringCase(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) if (!charsEqual(a.charCodeAt(i), b.charCodeAt(i), true)) return false;
  return true;
}

/** Does the action pattern written in a policy (`iam:Pass*`, `*`) cover the concrete action `iam:PassRole`? */
export function actionPatternCovers(pattern: string, action: string): boolean {
  return globMatches(pattern, action, { ignoreCase: true });
}

export function hasWildcard(text: string): boolean {
  if (!text.includes('*') && !text.includes('?')) return false;
  // `${*}` and `${?}` are policy variables that stand for a literal `*` / `?`, not wildcards. Most values with a
  // wildcard have no variable at all: they need no copy without the variables (the replace below allocates).
  if (!text.includes('${')) return true;
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
