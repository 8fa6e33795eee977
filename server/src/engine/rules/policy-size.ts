import type { PolicyDocument } from '../parse/model';
import type { Rule } from '../rule';
import type { PolicyKind } from '../types';
import { isWhitespace } from './_arn';
import { memo } from './_util';

/**
 * IAM and service quotas, counted as IAM does: characters excluding whitespace.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (managed 6,144; role trust 2,048;
 * inline role 10,240 is not detectable from the text, so identity uses the stricter managed quota),
 * S3 bucket policy 20 KB, Organizations SCP 5,120, VPC endpoint policy 20,480.
 */
const QUOTAS: Partial<Record<PolicyKind, { limit: number; what: string }>> = {
  identity: { limit: 6144, what: 'a managed identity policy' },
  boundary: { limit: 6144, what: 'a managed policy used as a permissions boundary' },
  trust: { limit: 2048, what: 'a role trust policy (default quota)' },
  resource: { limit: 20480, what: 'a bucket policy' },
  endpoint: { limit: 20480, what: 'a VPC endpoint policy' },
  scp: { limit: 5120, what: 'a service control policy' },
};

/**
 * The length of the text without whitespace (`\s`), each statement's share counted once: this rule reads
 * the whole document after every edit, and only the edited statement is new (see IncrementalLinter).
 */
function sizeWithoutWhitespace(doc: PolicyDocument): number {
  const text = doc.text;
  let size = 0;
  let from = 0;
  for (const s of doc.statements) {
    const start = s.node.offset;
    const end = start + s.node.length;
    size += nonWhitespaceBetween(text, from, start);
    const own = statementSize(s);
    if (own.size < 0) own.size = nonWhitespaceIn(text.slice(start, end));
    size += own.size;
    from = end;
  }
  return size + nonWhitespaceBetween(text, from, text.length);
}
/** Filled in on first use: it needs the document's text, which a memo cannot see. */
const statementSize = memo((): { size: number } => ({ size: -1 }));

/** The characters of `\s` that can be in a one-byte string. */
const NARROW_WHITESPACE = [' ', '\n', '\r', '\t', '\v', '\f', '\u00a0'];
/** The rest of `\s`. A one-byte string can hold none of them, which the regex engine sees at once. */
const WIDE_WHITESPACE = /[\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * The characters of the text that are not `\s`. Whitespace is rare in a policy's text (a compact one has
 * next to none), and indexOf skips to the next of one character far faster than the regex engine or a
 * loop tests every character against the class.
 */
function nonWhitespaceIn(text: string): number {
  let whitespace = 0;
  for (const space of NARROW_WHITESPACE) {
    for (let i = text.indexOf(space); i >= 0; i = text.indexOf(space, i + 1)) whitespace++;
  }
  WIDE_WHITESPACE.lastIndex = 0;
  while (WIDE_WHITESPACE.test(text)) whitespace++;
  return text.length - whitespace;
}

/** Up to this many characters a loop is cheaper than a slice and eight searches. */
const SHORT = 32;

/** nonWhitespaceIn(text.slice(start, end)); a gap between statements is mostly a comma, a line break and an indent. */
function nonWhitespaceBetween(text: string, start: number, end: number): number {
  if (end - start > SHORT) return nonWhitespaceIn(text.slice(start, end));
  let size = 0;
  for (let i = start; i < end; i++) if (!isWhitespace(text.charCodeAt(i))) size++;
  return size;
}

/**
 * `n.toLocaleString('en-US')` for a count (a non-negative integer): its digits in groups of three, between
 * commas. Without ICU, whose formatting cost a rule run here more than counting the characters did.
 */
export function withThousands(n: number): string {
  const digits = String(n);
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += ',' + digits.slice(i, i + 3);
  return text;
}

export const rule: Rule = {
  id: 'policy-size',
  defaultSeverity: 'warning',
  summary: 'Over the IAM size quota for its kind (managed identity 6,144 characters without whitespace, trust 2,048, bucket 20 KB, SCP 5,120).',
  check({ doc, kind, report }) {
    const quota = QUOTAS[kind];
    // Cheap first: the whole text, whitespace included, is within the quota.
    if (!quota || !doc.root || doc.text.length <= quota.limit) return;
    const size = sizeWithoutWhitespace(doc);
    if (size <= quota.limit) return;
    report({
      offset: doc.root.offset,
      length: 1,
      message: `This policy is ${withThousands(size)} characters without whitespace, over the ${withThousands(quota.limit)} allowed for ${quota.what}: AWS will reject it. Split it or use wildcards.`,
    });
  },
};
