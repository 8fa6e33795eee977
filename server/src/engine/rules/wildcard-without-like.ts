import { hasWildcard } from '../match';
import type { Rule } from '../rule';
import { conditionFacts } from './_conditions-facts';
import { renameOperatorFix, withMode } from './_operator-rename';

export const rule: Rule = {
  id: 'wildcard-without-like',
  defaultSeverity: 'warning',
  summary: '`*` or `?` in a value of `StringEquals`/`ArnEquals`: a String operator matches it literally.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, match: op, wildcardValue } of conditionFacts(s).blocks) {
        if (!op || op.mode !== 'Equals' || !wildcardValue) continue;
        for (const entry of block.entries) {
          for (const v of entry.values) {
            if (v.text === undefined || !hasWildcard(v.text)) continue;
            const target = withMode(op, 'Like');
            const message =
              op.family === 'String'
                ? `"${v.text}" contains a wildcard, but ${block.operator} compares literally: it only matches a value that really is "${v.text}". Use ${target} for pattern matching.`
                : `"${v.text}" contains a wildcard in ${block.operator}. IAM evaluates ArnEquals like ArnLike, but readers and other tools take "Equals" as exact: write ${target} to say what it does.`;
            report({ node: v.node, message, fixes: renameOperatorFix(s, block, target) });
          }
        }
      }
    }
  },
};
