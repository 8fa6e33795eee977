import type { JsonNode } from '../parse/model';
import { propertiesOf } from '../parse/json';
import { allStatements } from '../parse/model';
import type { Rule } from '../rule';

function depthOf(node: JsonNode): number {
  let depth = 0;
  for (let up = node.parent; up; up = up.parent) depth++;
  return depth;
}

export const rule: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'The same key twice in one object, also in a different case (`Statement` and `statement`).',
  scope: 'statement',
  check({ doc, report }) {
    // The statements are visited on their own, so that after an edit only the edited one is (see Rule.scope).
    const statementNodes = new Set(allStatements(doc).map((s) => s.node));
    const visit = (node: JsonNode | undefined, depth: number, skipStatements: boolean): void => {
      // Policies are shallow; the bound keeps pathological nesting from exhausting the stack.
      if (!node || depth > 64 || (skipStatements && statementNodes.has(node))) return;
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
      for (const child of node.children ?? []) visit(child, depth + 1, skipStatements);
    };
    visit(doc.root, 0, true);
    for (const s of doc.statements) visit(s.node, depthOf(s.node), false);
  },
};
