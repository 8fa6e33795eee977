import { OPERATORS, operatorWithCaseFixed } from '../data/operators';
import type { ConditionBlock, Statement } from '../parse/model';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { classifyKey } from './_condition-keys';
import { conditionFacts } from './_conditions-facts';
import { didYouMean } from './_util';

/** Every operator name IAM accepts: base × IfExists × set prefix (Null takes neither). */
const VALID_NAMES: readonly string[] = OPERATORS.flatMap((o) =>
  o.family === 'Null' ? [o.name] : ['', 'ForAllValues:', 'ForAnyValue:'].flatMap((set) => [`${set}${o.name}`, `${set}${o.name}IfExists`]),
);

/** `NullIfExists` and `ForAllValues:Null...` are reported by null-with-ifexists, with a better message. */
const NULL_MISUSE = /^(ForAllValues:|ForAnyValue:)?NullIfExists$/;

function renameFix(statement: Statement, block: ConditionBlock, target: string, preferred: boolean): Fix[] {
  if (statement.conditions.some((b) => b.operator === target)) return [];
  return [{ title: `Change ${block.operator} to ${target}`, edits: [{ offset: block.operatorNode.offset, length: block.operatorNode.length, newText: JSON.stringify(target) }], preferred }];
}

export const rule: Rule = {
  id: 'unknown-condition-operator',
  defaultSeverity: 'error',
  summary: 'A condition operator IAM does not know (also a misspelled `IfExists`, `ForAllValues:` or `ForAnyValue:`, or wrong case).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0 || !conditionFacts(s).invalidOperator) continue;
      for (const { block, op } of conditionFacts(s).blocks) {
        const name = block.operator;
        if (op || NULL_MISUSE.test(name)) continue;
        const caseFixed = operatorWithCaseFixed(name);
        if (caseFixed) {
          const fixes = renameFix(s, block, caseFixed, true);
          report({
            node: block.operatorNode,
            message: `Condition operators are case-sensitive: IAM rejects the policy because of "${name}". Write "${caseFixed}"${fixes.length ? '' : ' (merge it into the existing block of that name)'}.`,
            fixes,
          });
          continue;
        }
        // The longest operator is ~40 characters: no edit-distance search for absurd names.
        const suggestions = name.length <= 64 ? didYouMean(name, VALID_NAMES, 3) : [];
        // A condition key written straight under Condition (the operator level was forgotten).
        const looksLikeKey = /^[\w.-]+:/.test(name) && !/^for(all|any)value/i.test(name) && classifyKey(name).status !== 'undecidable';
        let message: string;
        if (looksLikeKey && suggestions.length === 0) {
          message = `"${name}" is a condition key, but it stands where IAM expects a condition operator, so IAM rejects the policy. Nest it in an operator: "Condition": { "StringEquals": { "${name}": ... } }.`;
        } else {
          const hint = suggestions.length ? ` Did you mean ${suggestions.map((x) => `"${x}"`).join(', ')}?` : ' Use one of StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, Null, ... (optionally with IfExists, ForAllValues: or ForAnyValue:).';
          message = `"${name}" is not a condition operator: IAM rejects the whole policy.${hint}`;
        }
        report({
          node: block.operatorNode,
          message,
          fixes: suggestions.flatMap((x) => renameFix(s, block, x, suggestions.length === 1)),
        });
      }
    }
  },
};
