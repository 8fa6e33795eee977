import type { JsonNode, Property, Statement } from '../parse/model';
import { propertiesOf, propertyKey } from '../parse/json';
import { parseOperator } from '../data/operators';
import { removeNode } from '../edits';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

function isEmpty(node: JsonNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return node.value === '';
  if (node.type === 'array' || node.type === 'object') return (node.children ?? []).length === 0;
  return false;
}

/** Elements a statement cannot do without: removing an empty one would leave a policy IAM rejects. */
const REQUIRED_PAIRS: Record<string, string> = {
  Action: 'NotAction', NotAction: 'Action',
  Resource: 'NotResource', NotResource: 'Resource',
  Principal: 'NotPrincipal', NotPrincipal: 'Principal',
};

function removeFix(ctx: RuleContext, node: JsonNode, title: string): Fix[] {
  const edits = removeNode(ctx.doc.text, node);
  return edits.length ? [{ title, edits }] : [];
}

/**
 * An empty Action/Resource/Principal (with no NotAction/NotResource/NotPrincipal beside it) makes the
 * statement match nothing. Removing only the element would leave a statement IAM rejects, so the fix
 * removes the whole statement, when the policy keeps at least one other.
 */
function statementFix(ctx: RuleContext, s: Statement, key: string): Fix[] {
  const parent = s.node.parent;
  if (parent?.type !== 'array' || (parent.children ?? []).filter((c) => c.type === 'object').length < 2) return [];
  return removeFix(ctx, s.node, `Remove the statement (its "${key}" is empty, so it matches nothing)`);
}

export const rule: Rule = {
  id: 'empty-value',
  defaultSeverity: 'info',
  summary: 'An empty string, array or object where a value is needed (`"Sid": ""`, `"Action": []`, `"Condition": {}`).',
  scope: 'statement',
  check(ctx) {
    for (const p of ctx.doc.topLevel) {
      if (p.key === 'Id' && isEmpty(p.value)) ctx.report({ node: p.value!, message: 'Empty "Id": it has no effect. Fill it in or remove it.', fixes: removeFix(ctx, p.node, 'Remove the empty "Id"') });
    }
    for (const s of ctx.doc.statements) {
      for (const p of s.properties) {
        // An empty Effect is invalid-effect's error; an empty Version, invalid-version's.
        if (p.key === 'Effect' || !isEmpty(p.value)) {
          if (p.key === 'Condition') checkCondition(ctx, p);
          continue;
        }
        const counterpart = REQUIRED_PAIRS[p.key];
        if (counterpart && !s.element(counterpart)) {
          ctx.report({
            node: p.value!,
            message: `Empty "${p.key}": the statement matches nothing. Fill it in or remove the statement.`,
            fixes: statementFix(ctx, s, p.key),
          });
          continue;
        }
        ctx.report({ node: p.value!, message: `Empty "${p.key}": it has no effect. Fill it in or remove it.`, fixes: removeFix(ctx, p.node, `Remove the empty "${p.key}"`) });
      }
    }
  },
};

/**
 * Empty operators and keys inside a Condition. The fix removes the smallest part that leaves nothing
 * empty behind: the key, or its operator when that was the only key, or the whole Condition when that
 * was its only operator.
 */
function checkCondition(ctx: RuleContext, condition: Property): void {
  if (!hasEmptyInside(condition.value)) return;
  const blocks = propertiesOf(condition.value);
  const outer = (block: Property): Property => (blocks.length === 1 ? condition : block);
  for (const block of blocks) {
    if (isEmpty(block.value)) {
      const target = outer(block);
      ctx.report({
        node: block.value!,
        message: `Empty condition operator "${block.key}": it tests nothing. Fill it in or remove it.`,
        fixes: removeFix(ctx, target.node, target === condition ? 'Remove the empty "Condition"' : `Remove the empty "${block.key}"`),
      });
      continue;
    }
    const entries = propertiesOf(block.value);
    for (const entry of entries) {
      if (!isEmpty(entry.value)) continue;
      // With no value, ForAnyValue: never matches, and ForAllValues: and ...IfExists match only when the
      // request lacks the key: there removing the key would change what the statement matches.
      const op = parseOperator(block.key);
      const meaningful = op !== undefined && (op.setOperator !== undefined || op.ifExists || op.family === 'Null');
      const target = entries.length === 1 ? outer(block) : entry;
      ctx.report({
        node: entry.value!,
        message: meaningful
          ? `Empty value for condition key "${entry.key}" under ${block.key}: the condition compares against nothing, which is almost certainly not what was meant. Fill in the values.`
          : `Empty value for condition key "${entry.key}": it compares against nothing. Fill it in or remove it.`,
        fixes: meaningful ? [] : removeFix(ctx, target.node, target === entry ? `Remove the empty "${entry.key}"` : `Remove "${entry.key}" and the "${target.key}" it leaves empty`),
      });
    }
  }
}

/** An operator or a key with an empty value in the Condition: rare, and found without building property lists. */
function hasEmptyInside(condition: JsonNode | undefined): boolean {
  if (!condition || condition.type !== 'object') return false;
  for (const block of condition.children ?? []) {
    if (propertyKey(block) === undefined) continue;
    const entries = block.children![1];
    if (isEmpty(entries)) return true;
    if (entries?.type !== 'object') continue;
    for (const entry of entries.children ?? []) {
      if (propertyKey(entry) !== undefined && isEmpty(entry.children![1])) return true;
    }
  }
  return false;
}
