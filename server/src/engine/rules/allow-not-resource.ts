import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'allow-not-resource',
  defaultSeverity: 'warning',
  summary: '`Allow` with `NotResource`: grants the actions on every other resource, including ones created later.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const notResource = s.element('NotResource');
      if (s.effect !== 'Allow' || !notResource) continue;
      const listed = s.notResources.map((r) => r.text).filter((t): t is string => t !== undefined);
      const except = listed.length ? ` except ${listed.slice(0, 2).map((t) => `"${t}"`).join(', ')}${listed.length > 2 ? ', ...' : ''}` : '';
      report({
        node: notResource.keyNode,
        message: `"Effect": "Allow" with "NotResource" grants the statement's actions on every resource${except}: in every account the actions reach, every Region, and resources created later. List the resources in "Resource" instead, or use a Deny statement with NotResource to fence resources off.`,
      });
    }
  },
};
