import type { Property } from '../parse/model';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../parse/grammar';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';
import { didYouMean } from './_util';

/** A close valid name: same letters in another case, a plural (`Actions`), or a typo. */
function suggestion(key: string, valid: readonly string[]): string | undefined {
  const exactCase = valid.find((v) => v.toLowerCase() === key.toLowerCase());
  if (exactCase) return exactCase;
  const singular = valid.find((v) => `${v.toLowerCase()}s` === key.toLowerCase());
  if (singular) return singular;
  return didYouMean(key, valid, 1)[0];
}

function check(ctx: RuleContext, props: Property[], valid: readonly string[], where: string, misplaced: readonly string[]): void {
  for (const p of props) {
    if (valid.includes(p.key)) continue;
    const isMisplaced = misplaced.includes(p.key);
    const target = isMisplaced ? undefined : suggestion(p.key, valid);
    const present = target !== undefined && props.some((other) => other.key === target);
    const fixes: Fix[] = target && !present ? [{ title: `Rename "${p.key}" to "${target}"`, edits: [{ offset: p.keyNode.offset, length: p.keyNode.length, newText: JSON.stringify(target) }], preferred: true }] : [];
    let message: string;
    if (isMisplaced) message = `"${p.key}" is not allowed ${where}: it belongs ${where === 'at the top level' ? 'inside a statement' : 'at the top level of the policy'}. IAM rejects the policy.`;
    else if (target) message = `"${p.key}" is not a policy element ${where}. IAM rejects the policy. Did you mean "${target}"?`;
    else message = `"${p.key}" is not a policy element ${where}. IAM rejects the policy. Valid elements: ${valid.join(', ')}.`;
    ctx.report({ node: p.keyNode, message, fixes });
  }
}

export const rule: Rule = {
  id: 'unknown-element',
  defaultSeverity: 'error',
  summary: 'A key that is not a policy element where it stands (top-level `Sid`, `Actions`, `Resources`, `Conditions`, ...).',
  scope: 'statement',
  check(ctx) {
    const { doc } = ctx;
    check(ctx, doc.topLevel, TOP_LEVEL_ELEMENTS, 'at the top level', STATEMENT_ELEMENTS);
    for (const s of doc.statements) check(ctx, s.properties, STATEMENT_ELEMENTS, 'in a statement', doc.kind === 'fragment' ? [] : TOP_LEVEL_ELEMENTS);
  },
};
