import { parseOperator } from '../data/operators';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { everyoneNodes, principalOf } from './_principals';

/** Keys that narrow "everyone" down to known callers or networks (lower case). */
const WHO_KEYS = new Set([
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:sourcevpcarn',
  'aws:sourceip',
  'aws:vpcsourceip',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'aws:userid',
  'aws:username',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:vpceorgpaths',
  // KMS key policies: "AWS": "*" limited to the caller's account (the AWS managed key pattern).
  'kms:calleraccount',
  // S3 bucket policies that delegate access control to access points.
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

/** A positive, non-IfExists test of a "who" key with a value other than a bare "*". */
function restrictsWho(s: Statement): boolean {
  return s.conditions.some((block) => {
    const op = parseOperator(block.operator);
    if (!op || op.family === 'Null' || op.ifExists || op.base.negated || op.setOperator === 'ForAllValues') return false;
    return block.entries.some((e) => WHO_KEYS.has(e.key.toLowerCase()) && e.values.length > 0 && e.values.some((v) => v.text !== '*'));
  });
}

export const rule: Rule = {
  id: 'public-principal',
  defaultSeverity: 'warning',
  summary: '`Principal: "*"` (or `{"AWS": "*"}`) in an `Allow` without a condition that restricts who (`aws:PrincipalOrgID`, `aws:SourceVpce`, `aws:SourceAccount`, ...).',
  scope: 'statement',
  check({ doc, kind, report }) {
    // A VPC endpoint policy's "*" means "whoever comes through this endpoint": the endpoint already narrows it.
    if (kind === 'endpoint') return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      const p = principalOf(s);
      if (!p || p.not) continue;
      const nodes = everyoneNodes(p);
      if (nodes.length === 0 || restrictsWho(s)) continue;
      const whom = kind === 'trust' ? 'any AWS principal in any account can assume this role' : 'anyone, including anonymous callers and every AWS account, gets these actions';
      report({
        node: nodes[0],
        message: `The principal "*" with no condition on who is calling: ${whom}. Name the principals, or add a condition such as StringEquals "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceVpce" or "aws:SourceAccount".`,
      });
    }
  },
};
