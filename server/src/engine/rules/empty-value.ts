import type { JsonNode, Property } from '../parse/model';
import { propertiesOf } from '../parse/json';
import { removeNode } from '../edits';
import type { Rule, RuleContext } from '../rule';

function isEmpty(node: JsonNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return node.value === '';
  if (node.type === 'array' || node.type === 'object') return (node.children ?? []).length === 0;
  return false;
}

function reportEmpty(ctx: RuleContext, p: Property, what: string): void {
  ctx.report({
    node: p.value!,
    message: `Empty ${what} "${p.key}": it has no effect${p.key === 'Action' || p.key === 'Resource' ? ' and the statement matches nothing' : ''}. Fill it in or remove it.`,
    fixes: [{ title: `Remove the empty "${p.key}"`, edits: removeNode(ctx.doc.text, p.node) }],
  });
}

export const rule: Rule = {
  id: 'empty-value',
  defaultSeverity: 'info',
  summary: 'An empty string, array or object where a value is needed (`"Sid": ""`, `"Action": []`, `"Condition": {}`).',
  check(ctx) {
    for (const p of ctx.doc.topLevel) if (p.key === 'Id' && isEmpty(p.value)) reportEmpty(ctx, p, 'value of');
    for (const s of ctx.doc.statements) {
      for (const p of s.properties) {
        if (isEmpty(p.value)) reportEmpty(ctx, p, 'value of');
        if (p.key === 'Condition') {
          for (const block of propertiesOf(p.value)) {
            if (isEmpty(block.value)) reportEmpty(ctx, block, 'condition operator');
            for (const entry of propertiesOf(block.value)) if (isEmpty(entry.value)) reportEmpty(ctx, entry, 'condition key');
          }
        }
      }
    }
  },
};
