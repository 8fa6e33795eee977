import { reference } from '../data/reference';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { absentKeyEffect, absentKeyOutcome, keyFacts } from './_condition-keys';

export const rule: Rule = {
  id: 'deprecated-condition-key',
  defaultSeverity: 'warning',
  summary: 'A condition key AWS marks deprecated (e.g. `sagemaker:VolumeKmsKey`, replaced by `sagemaker:VolumeKmsKeyArn`).',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    for (const s of doc.statements) {
      for (const block of s.conditions) {
        for (const entry of block.entries) {
          if (entry.key.includes('${')) continue;
          const facts = keyFacts(entry.key);
          if (!facts || facts.global) continue;
          const deprecated = ref.deprecatedConditionKey(facts.key);
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
