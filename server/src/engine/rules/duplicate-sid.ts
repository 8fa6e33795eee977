import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'duplicate-sid',
  defaultSeverity: 'error',
  summary: 'Two statements with the same `Sid`.',
  check({ doc, report }) {
    const seen = new Set<string>();
    for (const s of doc.statements) {
      const v = s.element('Sid')?.value;
      if (v?.type !== 'string' || v.value === '') continue;
      const sid = v.value as string;
      if (seen.has(sid)) report({ node: v, message: `Sid "${sid}" is used by another statement of this policy: Sids must be unique, and IAM rejects the policy.` });
      seen.add(sid);
    }
  },
};
