import { replaceString } from '../edits';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'invalid-effect',
  defaultSeverity: 'error',
  summary: '`Effect` other than `Allow` or `Deny` (case matters).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const v = s.element('Effect')?.value;
      if (v?.type !== 'string' || v.value === 'Allow' || v.value === 'Deny') continue;
      const text = v.value as string;
      const target = ['Allow', 'Deny'].find((e) => e.toLowerCase() === text.trim().toLowerCase());
      report({
        node: v,
        message: target
          ? `Effect "${text}" must be written exactly "${target}": IAM matches it case-sensitively and rejects the policy.`
          : `Effect "${text}" is not valid: it must be "Allow" or "Deny".`,
        fixes: target ? [{ title: `Change to "${target}"`, edits: [replaceString(v, target)], preferred: true }] : [],
      });
    }
  },
};
