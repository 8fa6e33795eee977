import { allStatements, inView, type Statement } from '../parse/model';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'duplicate-sid',
  defaultSeverity: 'error',
  summary: 'Two statements with the same `Sid`.',
  scope: (s) => s.sid ?? '',
  check({ doc, report }) {
    const statements = allStatements(doc);
    // A policy of one statement has no duplicate.
    if (statements.length < 2) return;
    const seen = new Set<string>();
    let shown: ((s: Statement) => boolean) | undefined;
    for (const s of statements) {
      const sid = s.sid;
      if (sid === undefined || sid === '') continue;
      if (seen.has(sid) && (shown ??= inView(doc))(s)) {
        const v = s.element('Sid')!.value!;
        report({ node: v, message: `Sid "${sid}" is used by another statement of this policy: Sids must be unique, and IAM rejects the policy.` });
      }
      seen.add(sid);
    }
  },
};
