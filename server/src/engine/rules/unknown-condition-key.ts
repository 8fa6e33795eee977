import { lookupGlobalConditionKey } from '../data/globalConditionKeys';
import type { ConditionBlock, ConditionEntry } from '../parse/model';
import type { Report, Rule } from '../rule';
import type { Fix, Severity } from '../types';
import { absentKeyEffect, absentKeyOutcome, suggestKeys } from './_condition-keys';
import { conditionFacts } from './_conditions-facts';

function renameFixes(block: ConditionBlock, entry: ConditionEntry, targets: string[]): Fix[] {
  const taken = new Set(block.entries.filter((e) => e !== entry).map((e) => e.key.toLowerCase()));
  const usable = targets.filter((t) => !taken.has(t.toLowerCase()));
  return usable.map((t) => ({
    title: `Change ${entry.key} to ${t}`,
    edits: [{ offset: entry.keyNode.offset, length: entry.keyNode.length, newText: JSON.stringify(t) }],
    preferred: usable.length === 1,
  }));
}

function didYouMeanText(suggestions: string[]): string {
  return suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
}

/**
 * Per-finding severity (E for `aws:` keys, W for service keys) rides on the report; the engine's
 * Report type does not carry one yet, so until it does every finding takes the rule's severity.
 */
type SeverityReport = Report & { severity?: Severity };

export const rule: Rule = {
  id: 'unknown-condition-key',
  defaultSeverity: 'error',
  summary: 'A condition key that does not exist: an unknown `aws:` key (error) or a key the service does not define (warning).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, entries } of conditionFacts(s).blocks) {
        for (const { entry, key: c } of entries) {
          // Known keys (nearly all of them) are fine: no further look.
          if (c.status === 'known') continue;
          const key = entry.key;
          if (key === '' || key.includes('${')) continue;
          const effect = absentKeyEffect(absentKeyOutcome(block.operator, entry.values), s.effect);
          if (!key.includes(':')) {
            // `SourceIp` for `aws:SourceIp`: IAM needs the prefix.
            const global = lookupGlobalConditionKey(`aws:${key}`);
            if (!global || /\$\{/.test(global.key)) continue;
            const r: SeverityReport = {
              node: entry.keyNode,
              message: `"${key}" has no service prefix, so IAM does not know it and the request never carries it${effect ? `: ${effect}` : ''}. Write "${global.key}".`,
              fixes: renameFixes(block, entry, [global.key]),
              severity: 'error',
            };
            report(r);
            continue;
          }
          if (c.status === 'unknown-global') {
            const suggestions = suggestKeys(key);
            const r: SeverityReport = {
              node: entry.keyNode,
              message: `"${key}" is not a global condition key: no request carries it${effect ? `, so ${effect}` : ''}.${didYouMeanText(suggestions)}`,
              fixes: renameFixes(block, entry, suggestions),
              severity: 'error',
            };
            report(r);
          } else if (c.status === 'unknown-service') {
            const suggestions = suggestKeys(key);
            const r: SeverityReport = {
              node: entry.keyNode,
              message: `"${key}" is not a condition key of ${c.service} in the AWS service authorization reference: no request carries it${effect ? `, so ${effect}` : ''}.${didYouMeanText(suggestions)}`,
              fixes: renameFixes(block, entry, suggestions),
              severity: 'warning',
            };
            report(r);
          }
        }
      }
    }
  },
};
