import type { PolicyDocument, Statement } from '../parse/model';
import type { Rule } from '../rule';
import type { PolicyKind } from '../types';

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
  let size = 0;
  let from = 0;
  for (const s of doc.statements) {
    const start = s.node.offset;
    const end = start + s.node.length;
    size += withoutWhitespace(doc.text.slice(from, start));
    let own = statementSizes.get(s);
    if (own === undefined) statementSizes.set(s, (own = withoutWhitespace(doc.text.slice(start, end))));
    size += own;
    from = end;
  }
  return size + withoutWhitespace(doc.text.slice(from));
}
const statementSizes = new WeakMap<Statement, number>();

function withoutWhitespace(text: string): number {
  return text.replace(/\s+/g, '').length;
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
      message: `This policy is ${size.toLocaleString('en-US')} characters without whitespace, over the ${quota.limit.toLocaleString('en-US')} allowed for ${quota.what}: AWS will reject it. Split it or use wildcards.`,
    });
  },
};
