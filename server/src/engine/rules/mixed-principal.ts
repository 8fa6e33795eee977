import { allStatements, type Statement } from '../parse/model';
import type { Rule } from '../rule';
import { memo } from './_util';

/** Per statement, once: after an edit every statement is counted again. */
const hasPrincipal = memo((s: Statement): boolean => Boolean(s.element('Principal') || s.element('NotPrincipal')));

export const rule: Rule = {
  id: 'mixed-principal',
  defaultSeverity: 'error',
  summary: 'Some statements have `Principal` and others do not: no single policy kind accepts that.',
  scope: (s) => (hasPrincipal(s) ? 'principal' : ''),
  check({ doc, kind, report }) {
    if (kind === 'fragment') return; // fragments are often excerpts from several policies
    const all = allStatements(doc);
    const withCount = all.filter(hasPrincipal).length;
    if (withCount === 0 || withCount === all.length) return;
    for (const s of doc.statements) {
      if (s.element('Principal') || s.element('NotPrincipal')) continue;
      report({
        offset: s.node.offset,
        length: 1,
        message: `Statement ${s.sid ? `"${s.sid}"` : s.index + 1} has no "Principal" while others do: resource and trust policies need a principal in every statement, identity policies in none. Split this into two policies.`,
      });
    }
  },
};
