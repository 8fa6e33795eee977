import type { JsonNode } from '../parse/model';
import { propertiesOf } from '../parse/json';
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'The same key twice in one object, also in a different case (`Statement` and `statement`).',
  check({ doc, report }) {
    const visit = (node: JsonNode | undefined, depth: number): void => {
      // Policies are shallow; the bound keeps pathological nesting from exhausting the stack.
      if (!node || depth > 64) return;
      if (node.type === 'object') {
        const seen = new Map<string, string>();
        for (const p of propertiesOf(node)) {
          const lower = p.key.toLowerCase();
          const first = seen.get(lower);
          if (first === undefined) seen.set(lower, p.key);
          else {
            const how = first === p.key ? `"${p.key}" appears twice` : `"${p.key}" repeats "${first}" in a different case`;
            report({ node: p.keyNode, message: `Duplicate key: ${how} in this object. IAM either rejects the policy or keeps only one of them; merge them into one.` });
          }
        }
      }
      for (const child of node.children ?? []) visit(child, depth + 1);
    };
    visit(doc.root, 0);
  },
};
