import type { Rule } from '../rule';
import type { Fix } from '../types';
import { conditionFacts } from './_conditions-facts';

/** `NullIfExists`, `ForAllValues:Null`, `ForAnyValue:NullIfExists`, ... (exact case, as IAM reads operators). */
const NULL_MISUSE = /^(ForAllValues:|ForAnyValue:)?Null(IfExists)?$/;

export const rule: Rule = {
  id: 'null-with-ifexists',
  defaultSeverity: 'error',
  summary: '`Null` combined with `IfExists` or a set operator (`NullIfExists`, `ForAllValues:Null`): IAM rejects it.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, op } of conditionFacts(s).blocks) {
        // Null with IfExists is an operator IAM rejects; with a set operator it parses, as family Null.
        if (op && !(op.family === 'Null' && op.setOperator)) continue;
        const m = NULL_MISUSE.exec(block.operator);
        if (!m || (!m[1] && !m[2])) continue;
        const parts = [m[1] ? `the set operator ${m[1]}` : '', m[2] ? 'IfExists' : ''].filter(Boolean).join(' and ');
        const fixes: Fix[] = s.conditions.some((b) => b.operator === 'Null')
          ? []
          : [{ title: `Change ${block.operator} to Null`, edits: [{ offset: block.operatorNode.offset, length: block.operatorNode.length, newText: '"Null"' }], preferred: true }];
        report({
          node: block.operatorNode,
          message: `"${block.operator}": Null cannot take ${parts}, so IAM rejects the policy. Null already tests whether the key is present ("false") or absent ("true") and works for multivalued keys too: write "Null"${fixes.length ? '' : ' (merge these keys into the existing Null block)'}.`,
          fixes,
        });
      }
    }
  },
};
