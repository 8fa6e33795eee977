import { allStatements, inView, type Statement } from '../parse/model';
import type { Rule } from '../rule';

/**
 * Up to this many statements (nearly every policy) each Sid is compared with those before it: Sids of other
 * lengths differ at once, where a Set would hash every Sid and allocate a table per policy.
 */
const PAIRWISE_MAX = 16;

/** Does a statement before `index` have the Sid `sid`? */
function sidBefore(statements: readonly Statement[], index: number, sid: string): boolean {
  for (let i = 0; i < index; i++) if (statements[i].sid === sid) return true;
  return false;
}

export const rule: Rule = {
  id: 'duplicate-sid',
  defaultSeverity: 'error',
  summary: 'Two statements with the same `Sid`.',
  scope: (s) => s.sid ?? '',
  check({ doc, report }) {
    const statements = allStatements(doc);
    // A policy of one statement has no duplicate.
    if (statements.length < 2) return;
    const seen = statements.length <= PAIRWISE_MAX ? undefined : new Set<string>();
    let shown: ((s: Statement) => boolean) | undefined;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      const sid = s.sid;
      if (sid === undefined || sid === '') continue;
      const repeated = seen ? seen.has(sid) : sidBefore(statements, i, sid);
      seen?.add(sid);
      if (repeated && (shown ??= inView(doc))(s)) {
        const v = s.element('Sid')!.value!;
        report({ node: v, message: `Sid "${sid}" is used by another statement of this policy: Sids must be unique, and IAM rejects the policy.` });
      }
    }
  },
};
