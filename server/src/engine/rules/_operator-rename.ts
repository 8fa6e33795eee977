import type { ConditionBlock, Statement } from '../parse/model';
import type { Fix } from '../types';

/** String/Arn operators split into the parts these rules rename: `ForAnyValue:StringNotLikeIfExists`. */
const OPERATOR = /^(ForAllValues:|ForAnyValue:)?(String|Arn)(Not)?(Equals|Like)(IfExists)?$/;

export interface MatchOperator {
  prefix: string;
  family: 'String' | 'Arn';
  not: boolean;
  mode: 'Equals' | 'Like';
  suffix: string;
}

export function parseMatchOperator(name: string): MatchOperator | undefined {
  const m = OPERATOR.exec(name);
  if (!m) return undefined;
  return { prefix: m[1] ?? '', family: m[2] as 'String' | 'Arn', not: Boolean(m[3]), mode: m[4] as 'Equals' | 'Like', suffix: m[5] ?? '' };
}

export function withMode(op: MatchOperator, mode: 'Equals' | 'Like'): string {
  return `${op.prefix}${op.family}${op.not ? 'Not' : ''}${mode}${op.suffix}`;
}

/** Renames the operator key of a block, unless the statement already has a block of that name (that would duplicate it). */
export function renameOperatorFix(statement: Statement, block: ConditionBlock, target: string): Fix[] {
  if (statement.conditions.some((b) => b.operator === target)) return [];
  return [{ title: `Change ${block.operator} to ${target}`, edits: [{ offset: block.operatorNode.offset, length: block.operatorNode.length, newText: JSON.stringify(target) }], preferred: true }];
}
