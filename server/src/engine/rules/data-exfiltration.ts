import { outrightDenyText } from './_grants';
import type { Rule } from '../rule';
import { actionItemFor, listNames, unconstrainedGrants } from './_security';

/** Reads that return the data itself (not metadata), in bulk. */
const BULK_READS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  'kms:Decrypt',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
];

export const rule: Rule = {
  id: 'data-exfiltration',
  defaultSeverity: 'info',
  summary: 'Unconstrained bulk reads on `*`: `s3:GetObject`, `kms:Decrypt`, `ssm:GetParameter*`, `dynamodb:Scan`, ...',
  scope: outrightDenyText,
  check({ doc, kind, report }) {
    for (const { statement, resource, granted } of unconstrainedGrants(doc, kind, BULK_READS)) {
      const target = actionItemFor(statement, granted);
      if (!target) continue;
      report({
        node: target.node,
        message: `${listNames(granted)} ${granted.length > 1 ? 'are' : 'is'} allowed on "${resource.text}" without a condition: the principal can read the data of every bucket, table, parameter or key in the account (and in other accounts that allow it). Name the buckets/tables/parameters in Resource (e.g. arn:aws:s3:::my-sagemaker-bucket/*), or add a condition such as aws:ResourceAccount or aws:ResourceTag/<key>.`,
      });
    }
  },
};
