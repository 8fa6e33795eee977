import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'mixed-principal',
  defaultSeverity: 'error',
  summary: 'Some statements have `Principal` and others do not: no single policy kind accepts that.',
  check({ doc, kind, report }) {
    if (kind === 'fragment') return; // fragments are often excerpts from several policies
    const hasPrincipal = (i: number) => Boolean(doc.statements[i].element('Principal') || doc.statements[i].element('NotPrincipal'));
    const withCount = doc.statements.filter((_, i) => hasPrincipal(i)).length;
    if (withCount === 0 || withCount === doc.statements.length) return;
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
