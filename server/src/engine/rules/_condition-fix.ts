import { setValueIn } from '../edits';
import type { PolicyDocument, Statement } from '../parse/model';
import type { TextEdit } from '../types';

/**
 * Adds `"<operator>": { "<key>": value }` to a statement's Condition, merging into an existing
 * Condition block and operator object rather than adding a second one (a duplicate key).
 */
export function addConditionEdits(doc: PolicyDocument, statement: Statement, operator: string, key: string, value: unknown): TextEdit[] {
  const condition = statement.element('Condition');
  if (condition && condition.value?.type !== 'object') return [];
  const block = statement.conditions.find((b) => b.operator === operator);
  if (block && block.property.value?.type !== 'object') return [];
  if (block?.entries.some((e) => e.key.toLowerCase() === key.toLowerCase())) return [];
  return setValueIn(doc.text, statement.node, ['Condition', operator, key], value);
}
