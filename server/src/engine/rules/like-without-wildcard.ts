import type { Rule } from '../rule';
import { conditionFacts } from './_conditions-facts';
import { renameOperatorFix, withMode } from './_operator-rename';

export const rule: Rule = {
  id: 'like-without-wildcard',
  defaultSeverity: 'hint',
  summary: '`StringLike`/`ArnLike` whose values have no wildcard: `StringEquals`/`ArnEquals` says the same more plainly.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, match: op, valueCount, wildcardValue, unknownValue } of conditionFacts(s).blocks) {
        if (!op || op.mode !== 'Like' || block.entries.length === 0) continue;
        // Unknown values (CloudFormation intrinsics) might hold a wildcard: stay silent.
        if (valueCount === 0 || wildcardValue || unknownValue) continue;
        const target = withMode(op, 'Equals');
        report({
          node: block.operatorNode,
          message: `${block.operator} is used, but none of its values contains a * or ? wildcard: it compares exactly, like ${target}. Use ${target} to make the exact match plain.`,
          fixes: renameOperatorFix(s, block, target),
        });
      }
    }
  },
};
