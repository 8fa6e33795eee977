import { allStatements, type Statement } from '../parse/model';
import type { Rule } from '../rule';
import { principalProperty } from './_principals';

/** Per statement, once: after an edit every statement is counted again. */
const hasPrincipal = (s: Statement): boolean => principalProperty(s) !== null;

export const rule: Rule = {
  id: 'mixed-principal',
  defaultSeverity: 'error',
  summary: 'Some statements have `Principal` and others do not: no single policy kind accepts that.',
  scope: (s) => (hasPrincipal(s) ? 'principal' : ''),
  check({ doc, kind, report }) {
    if (kind === 'fragment') return; // fragments are often excerpts from several policies
    const all = allStatements(doc);
    let withCount = 0;
    for (const s of all) if (hasPrincipal(s)) withCount++;
    if (withCount === 0 || withCount === all.length) return;
    for (const s of doc.statements) {
      if (hasPrincipal(s)) continue;
      report({
        offset: s.node.offset,
        length: 1,
        message: `Statement ${s.sid ? `"${s.sid}"` : s.index + 1} has no "Principal" while others do: resource and trust policies need a principal in every statement, identity policies in none. Split this into two policies.`,
      });
    }
  },
};
