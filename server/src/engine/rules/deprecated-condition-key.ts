import type { Rule } from '../rule';
import type { Fix } from '../types';
import { absentKeyEffect, absentKeyOutcome } from './_condition-keys';
import { conditionFacts } from './_conditions-facts';

export const rule: Rule = {
  id: 'deprecated-condition-key',
  defaultSeverity: 'warning',
  summary: 'A condition key AWS marks deprecated (e.g. `sagemaker:VolumeKmsKey`, replaced by `sagemaker:VolumeKmsKeyArn`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0 || !conditionFacts(s).serviceKey) continue;
      for (const { block, entries } of conditionFacts(s).blocks) {
        for (const { entry, key: c } of entries) {
          // Only service keys are marked deprecated (classifyKey looked it up once per key).
          const deprecated = c.status === 'known' ? c.facts.deprecated : undefined;
          if (!deprecated) continue;
          const replacement = deprecated.replacement;
          const taken = block.entries.some((e) => e !== entry && replacement !== undefined && e.key.toLowerCase() === replacement.toLowerCase());
          const fixes: Fix[] =
            replacement && !taken
              ? [{ title: `Change ${entry.key} to ${replacement}`, edits: [{ offset: entry.keyNode.offset, length: entry.keyNode.length, newText: JSON.stringify(replacement) }], preferred: true }]
              : [];
          const effect = absentKeyEffect(absentKeyOutcome(block.operator, entry.values), s.effect);
          const instead = replacement
            ? ` Use "${replacement}" instead${taken ? ' (this block already tests it: remove the deprecated entry)' : ''}.`
            : ' Check the service authorization reference for the key that replaces it.';
          report({
            node: entry.keyNode,
            message: `"${entry.key}" is deprecated in the AWS service authorization reference: requests may stop carrying it${effect ? `, and then ${effect}` : ''}.${instead}`,
            fixes,
          });
        }
      }
    }
  },
};
