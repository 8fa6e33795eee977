import { setValueIn } from '../edits';
import type { PolicyDocument, Statement } from '../parse/model';
import { liveFix } from '../liveFix';
import type { Fix, TextEdit } from '../types';

/**
 * Adds `"<operator>": { "<key>": value }` to a statement's Condition, merging into an existing
 * Condition block and operator object rather than adding a second one (a duplicate key).
 */
export function addConditionEdits(doc: PolicyDocument, statement: Statement, operator: string, key: string, value: unknown): TextEdit[] {
  if (!conditionFits(statement, operator, key)) return [];
  return setValueIn(doc.text, statement.node, ['Condition', operator, key], value);
}

/** Can `operator` / `key` be added without replacing something: Condition and the operator are objects (or absent), the key is new. */
function conditionFits(statement: Statement, operator: string, key: string): boolean {
  const condition = statement.element('Condition');
  if (condition && condition.value?.type !== 'object') return false;
  const block = statement.conditions.find((b) => b.operator === operator);
  if (block && block.property.value?.type !== 'object') return false;
  return !block?.entries.some((e) => e.key.toLowerCase() === key.toLowerCase());
}

/**
 * The fix that adds `"<operator>": { "<key>": value }` to the statement, or none when the Condition cannot take
 * it cleanly (see addConditionEdits). Its edits are worked out when first read, which is when a user opens
 * the quick-fix menu or `--fix` applies it, not for every finding of every lint.
 */
export function addConditionFix(doc: PolicyDocument, statement: Statement, operator: string, key: string, value: unknown, title: string, preferred = false): Fix[] {
  if (!conditionFits(statement, operator, key)) return [];
  // The newest text, not doc.text: the statement may have moved since (see PolicyDocument.latest).
  const latest = doc.latest;
  return [liveFix(title, latest, () => setValueIn(latest.text, statement.node, ['Condition', operator, key], value), preferred)];
}
