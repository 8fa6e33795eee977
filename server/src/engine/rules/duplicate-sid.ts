import { allStatements, inView } from '../parse/model';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'duplicate-sid',
  defaultSeverity: 'error',
  summary: 'Two statements with the same `Sid`.',
  scope: (s) => s.sid ?? '',
  check({ doc, report }) {
    const seen = new Set<string>();
    const shown = inView(doc);
    for (const s of allStatements(doc)) {
      const sid = s.sid;
      if (sid === undefined || sid === '') continue;
      const v = s.element('Sid')!.value!;
      if (seen.has(sid) && shown(s)) report({ node: v, message: `Sid "${sid}" is used by another statement of this policy: Sids must be unique, and IAM rejects the policy.` });
      seen.add(sid);
    }
  },
};
