import type { Rule } from '../rule';
import { conditionFacts } from './_conditions-facts';

export const rule: Rule = {
  id: 'set-operator-misuse',
  defaultSeverity: 'warning',
  summary: '`ForAllValues:`/`ForAnyValue:` on a single-valued key, or a multivalued key (`aws:TagKeys`, `sagemaker:InstanceTypes`, ...) without one.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, op, entries } of conditionFacts(s).blocks) {
        // Null tests presence, which means the same for single- and multivalued keys (null-with-ifexists reports ForAllValues:Null).
        if (!op || op.family === 'Null') continue;
        for (const { entry, key: c } of entries) {
          // Keys with a policy variable, or unknown to the data, are undecidable or unknown: no facts.
          if (c.status !== 'known') continue;
          const facts = c.facts;
          if (op.setOperator && !facts.multivalued) {
            const plain = block.operator.slice(block.operator.indexOf(':') + 1);
            const risk =
              op.setOperator === 'ForAllValues'
                ? `ForAllValues: is also true when the request has no "${entry.key}" at all${s.effect === 'Allow' ? ', which widens this Allow' : ''}`
                : 'the IAM User Guide warns that a set operator on a single-valued key can make a policy more permissive than it reads';
            report({
              node: entry.keyNode,
              message: `"${entry.key}" is single-valued, but ${block.operator} treats it as a set: ${risk}. Use ${plain}.`,
            });
          } else if (!op.setOperator && facts.multivalued) {
            report({
              node: entry.keyNode,
              message: `"${entry.key}" is multivalued (a list in the request), but ${block.operator} has no set operator: the IAM User Guide requires ForAnyValue: or ForAllValues: for multivalued keys, since without one the request's list is not compared value by value. Use ForAnyValue:${block.operator} (at least one value matches) or ForAllValues:${block.operator} (every value matches).`,
            });
          }
        }
      }
    }
  },
};
