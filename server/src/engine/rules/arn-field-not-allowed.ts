import type { Rule } from '../rule';
import { describeFormats, fieldVerdicts } from './_arn-fields';
import { fieldOf } from './_arn';
import { replaceIn, spanIn } from './_span';

export const rule: Rule = {
  id: 'arn-field-not-allowed',
  defaultSeverity: 'error',
  summary: 'A Region or account in an ARN whose resource type has none (`arn:aws:s3::123456789012:bucket`, `arn:aws:iam:us-east-1:...`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const v of fieldVerdicts(s)) {
        if (v.verdict !== 'none' || v.field.text === '') continue;
        const service = fieldOf(v.arn, 'service').text;
        const what = v.name === 'region' ? 'Region' : 'account';
        const why = v.name === 'region' ? `${service} ARNs of this type are global and have no Region` : `${service} ARNs of this type have no account field`;
        report({
          ...spanIn(doc.text, v.item.node, v.field.start, v.field.text.length),
          message: `"${v.field.text}" in the ${what} field of "${v.arn.text}": ${why}, so this ARN matches nothing. Leave the field empty (format ${describeFormats(v.formats)}).`,
          fixes: [{ title: `Remove the ${what} "${v.field.text}"`, edits: [replaceIn(doc.text, v.item.node, v.field.start, v.field.text.length, '')], preferred: true }],
        });
      }
    }
  },
};
