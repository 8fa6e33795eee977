import { parseCached } from './policyCache';
import { locate } from './locate';
import { innerRange } from './parse/json';
import type { LintOptions } from './types';
import type { HoverContext, HoverProvider } from './hover/context';
import { policyVariableHover } from './hover/variables';
import { effectValueHover, elementKeyHover, plainElementValueHover, versionValueHover } from './hover/elements';
import { actionHover, wildcardActionHover } from './hover/actions';
import { conditionKeyHover, conditionValueHover, operatorHover } from './hover/conditions';
import { arnHover } from './hover/arn';
import { principalTypeHover, principalValueHover, servicePrincipalConditionValueHover } from './hover/principals';

export { describeAction } from './hover/actions';

export interface HoverResult {
  markdown: string;
  offset: number;
  length: number;
}

/**
 * First match wins: a policy variable under the cursor is more specific than the string around it;
 * keys (elements, operators, condition keys, principal types) before values.
 */
const PROVIDERS: HoverProvider[] = [
  policyVariableHover,
  elementKeyHover,
  operatorHover,
  conditionKeyHover,
  principalTypeHover,
  effectValueHover,
  versionValueHover,
  plainElementValueHover,
  actionHover,
  wildcardActionHover,
  principalValueHover,
  servicePrincipalConditionValueHover,
  arnHover,
  conditionValueHover,
];

/** Hover text for the token at `offset`, or undefined when there is nothing to explain (or not a policy). */
export function hover(text: string, offset: number, options: LintOptions = {}): HoverResult | undefined {
  const doc = parseCached(text, options);
  const loc = locate(doc, offset);
  if (!loc) return undefined;
  if (loc.node.type !== 'string' && loc.node.type !== 'number' && loc.node.type !== 'boolean') return undefined;
  const ctx: HoverContext = { text, offset, loc };
  for (const provider of PROVIDERS) {
    const content = provider(ctx);
    if (!content) continue;
    if (typeof content === 'string') return { markdown: content, ...innerRange(loc.node) };
    return { markdown: content.markdown, ...(content.range ?? innerRange(loc.node)) };
  }
  return undefined;
}
