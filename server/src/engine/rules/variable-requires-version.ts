import { propertiesOf, stringItems } from '../parse/json';
import type { JsonNode } from '../parse/model';
import type { Rule } from '../rule';
import { setCurrentVersionFix } from './_version';

/** Where IAM expands policy variables: Resource/NotResource values and condition values. */
function variableNodes(doc: Parameters<Rule['check']>[0]['doc']): JsonNode[] {
  const nodes: JsonNode[] = [];
  for (const s of doc.statements) {
    for (const name of ['Resource', 'NotResource']) nodes.push(...stringItems(s.element(name)?.value).map((i) => i.node));
    for (const block of s.conditions) for (const entry of block.entries) nodes.push(...stringItems(entry.valueNode).map((i) => i.node));
    for (const p of propertiesOf(s.element('Principal')?.value)) nodes.push(...stringItems(p.value).map((i) => i.node));
  }
  return nodes.filter((n) => /\$\{[^}]*\}/.test(n.value as string));
}

export const rule: Rule = {
  id: 'variable-requires-version',
  defaultSeverity: 'error',
  summary: 'A `${...}` policy variable in a document whose `Version` is missing or 2008-10-17: it is matched literally.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (kind === 'fragment') return;
    const version = doc.version?.value;
    if (version && !(version.type === 'string' && version.value === '2008-10-17')) return;
    const fixes = setCurrentVersionFix(doc);
    for (const node of variableNodes(doc)) {
      const variable = /\$\{[^}]*\}/.exec(node.value as string)![0];
      report({
        node,
        message: `${variable} is matched literally, not replaced, because the policy's Version is ${version ? '"2008-10-17"' : 'missing (so 2008-10-17)'}. Set "Version": "2012-10-17".`,
        fixes,
      });
    }
  },
};
