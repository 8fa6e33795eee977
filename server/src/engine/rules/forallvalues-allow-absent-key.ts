import { reference, type ActionInfo } from '../data/reference';
import type { ConditionEntry, Statement } from '../parse/model';
import type { TextEdit } from '../types';
import type { Rule } from '../rule';
import { insertProperty } from './_json-insert';
import { keyFacts } from './_condition-keys';
import { conditionFacts } from './_conditions-facts';
import { actionTexts } from './_util';

/**
 * Keys whose presence another key implies: a request that carries a tag `aws:RequestTag/x` carries
 * `aws:TagKeys` too, and likewise for the encryption-context and object-tag keys.
 */
const IMPLIED_BY: Record<string, RegExp> = {
  'aws:tagkeys': /^aws:requesttag\/.+/,
  'kms:encryptioncontextkeys': /^kms:encryptioncontext:.+/,
  's3:requestobjecttagkeys': /^s3:requestobjecttag\/.+/,
};

/** Tagging APIs whose request must name tags (so aws:TagKeys is never absent). ec2:DeleteTags is not one: without tags it deletes them all. */
const TAGS_REQUIRED = /^((Tag|Untag)Resources?|(Create|Add)Tags|AddTagsTo\w+|RemoveTagsFrom\w+|TagUser|TagRole|UntagUser|UntagRole|TagSession)$/;
/** Keys an action's request always carries, because the API parameter behind them is required. */
const REQUIRED_BY_ACTION: Record<string, (a: ActionInfo) => boolean> = {
  'aws:tagkeys': (a) => a.accessLevel === 'Tagging' && TAGS_REQUIRED.test(a.name),
  // CreateGrant requires Operations.
  'kms:grantoperations': (a) => a.service === 'kms' && a.name === 'CreateGrant',
};

/** Every action of the statement carries the key (when the actions can be expanded). */
function alwaysCarried(s: Statement, key: string): boolean {
  const required = REQUIRED_BY_ACTION[key.toLowerCase()];
  if (!required) return false;
  const patterns = actionTexts(s);
  if (patterns.length === 0 || patterns.length !== s.actions.length) return false;
  const ref = reference();
  return patterns.every((p) => {
    const actions = ref.matchActions(p);
    return actions.length > 0 && actions.every(required);
  });
}

/** Another condition of the statement is false when the key is absent, so the request must carry it. */
function presenceRequired(s: Statement, key: string): boolean {
  const lower = key.toLowerCase();
  const implied = IMPLIED_BY[lower];
  return conditionFacts(s).blocks.some(({ block, op }) => {
    if (!op) return false;
    return block.entries.some((e: ConditionEntry) => {
      const k = e.key.toLowerCase();
      if (k !== lower && !(implied && implied.test(k))) return false;
      if (op.family === 'Null') return e.values.length > 0 && e.values.every((v) => v.text?.toLowerCase() === 'false');
      return !op.ifExists && !op.base.negated && op.setOperator !== 'ForAllValues';
    });
  });
}

/** Adds `"Null": { "<key>": "false" }` (into an existing Null block when there is one). */
function requireKeyEdits(text: string, s: Statement, key: string): TextEdit[] {
  const condition = s.element('Condition')?.value;
  if (!condition) return [];
  const nullBlocks = s.conditions.filter((b) => b.operator === 'Null');
  if (nullBlocks.length > 1) return [];
  if (nullBlocks.length === 1) {
    const block = nullBlocks[0];
    if (!block.property.value || block.entries.some((e) => e.key.toLowerCase() === key.toLowerCase())) return [];
    const edit = insertProperty(text, block.property.value, key, '"false"');
    return edit ? [edit] : [];
  }
  const edit = insertProperty(text, condition, 'Null', `{ ${JSON.stringify(key)}: "false" }`);
  return edit ? [edit] : [];
}

export const rule: Rule = {
  id: 'forallvalues-allow-absent-key',
  defaultSeverity: 'warning',
  summary: '`ForAllValues:` in an `Allow`: the condition is also true when the request has no such key at all.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || s.conditions.length === 0) continue;
      for (const { block, op } of conditionFacts(s).blocks) {
        if (!op || op.setOperator !== 'ForAllValues') continue;
        for (const entry of block.entries) {
          if (entry.key.includes('${') || presenceRequired(s, entry.key) || alwaysCarried(s, entry.key)) continue;
          const facts = keyFacts(entry.key);
          const key = facts && !facts.key.includes('${') ? facts.key : entry.key;
          const edits = requireKeyEdits(doc.text, s, entry.key);
          report({
            node: entry.keyNode,
            message: `${block.operator} on "${entry.key}" is true when the request carries no "${entry.key}" at all (an empty set matches every test), so this Allow also grants requests without it. Add "Null": { "${key}": "false" } to require the key, or use ForAnyValue: if one match is enough.`,
            fixes: edits.length ? [{ title: `Require the key: add Null ${entry.key} = false`, edits, preferred: true }] : [],
          });
        }
      }
    }
  },
};
