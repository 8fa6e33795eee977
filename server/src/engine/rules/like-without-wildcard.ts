import { hasWildcard } from '../match';
import type { Rule } from '../rule';
import { parseMatchOperator, renameOperatorFix, withMode } from './_operator-rename';

export const rule: Rule = {
  id: 'like-without-wildcard',
  defaultSeverity: 'hint',
  summary: '`StringLike`/`ArnLike` whose values have no wildcard: `StringEquals`/`ArnEquals` says the same more plainly.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const block of s.conditions) {
        const op = parseMatchOperator(block.operator);
        if (!op || op.mode !== 'Like' || block.entries.length === 0) continue;
        const values = block.entries.flatMap((e) => e.values);
        // Unknown values (CloudFormation intrinsics) might hold a wildcard: stay silent.
        if (values.length === 0 || values.some((v) => v.text === undefined || hasWildcard(v.text))) continue;
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
