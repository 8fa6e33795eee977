import type { Rule } from '../rule';
import { conditionFacts } from './_conditions-facts';

export const rule: Rule = {
  id: 'multiple-bool-values',
  defaultSeverity: 'error',
  summary: '`Bool` or `Null` with more than one value for a key.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, op } of conditionFacts(s).blocks) {
        // With a set operator a multivalued Bool key (ArrayOfBool) can meaningfully list values; Null+set is null-with-ifexists.
        if (!op || (op.family !== 'Bool' && op.family !== 'Null') || op.setOperator) continue;
        for (const entry of block.entries) {
          if (entry.valueNode?.type !== 'array' || entry.values.length < 2) continue;
          const texts = entry.values.map((v) => v.text?.toLowerCase());
          const both = texts.includes('true') && texts.includes('false');
          const meaning =
            op.family === 'Null'
              ? both
                ? 'listing both "true" and "false" makes the test pass whether the key is there or not'
                : 'it takes a single "true" or "false"'
              : both
                ? 'listing both "true" and "false" makes the test pass for every request that carries the key'
                : 'it takes a single "true" or "false"';
          report({
            node: entry.valueNode,
            message: `${block.operator} on "${entry.key}" has ${entry.values.length} values: ${meaning} (IAM Access Analyzer reports "Invalid condition multiple Boolean"). Keep the one value you mean${both && op.family === 'Null' ? ', or remove the condition' : ''}.`,
          });
        }
      }
    }
  },
};
