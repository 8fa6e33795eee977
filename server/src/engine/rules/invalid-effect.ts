import { replaceString } from '../edits';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'invalid-effect',
  defaultSeverity: 'error',
  summary: '`Effect` other than `Allow` or `Deny` (case matters).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      // `effect` is the Effect when it is a string: no other value is this rule's.
      if (s.effect === undefined || s.effect === 'Allow' || s.effect === 'Deny') continue;
      const v = s.element('Effect')!.value!;
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
