import type { Rule } from '../rule';
import { describeFormats, fieldVerdicts } from './_arn-fields';
import { fieldOf } from './_arn';

export const rule: Rule = {
  id: 'arn-field-missing',
  defaultSeverity: 'error',
  summary: 'An empty Region or account field in an ARN whose resource type needs it (`arn:aws:ec2::123456789012:subnet/...`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const v of fieldVerdicts(s)) {
        if (v.verdict !== 'required' || v.field.text !== '') continue;
        const service = fieldOf(v.arn, 'service').text;
        const what = v.name === 'region' ? 'Region' : 'account';
        const instead = v.name === 'region' ? 'the Region (us-east-1) or "*" for any Region' : 'the 12-digit account ID or "*" for any account';
        report({
          node: v.item.node,
          message: `"${v.arn.text}" has an empty ${what} field, but ${service} ARNs of this type always have one (format ${describeFormats(v.formats)}), so it matches nothing. Write ${instead}.`,
        });
      }
    }
  },
};
