import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'allow-not-action',
  defaultSeverity: 'warning',
  summary: '`Allow` with `NotAction`: grants every other action of every service, including actions added later.',
  scope: 'statement',
  check({ doc, kind, report }) {
    for (const s of doc.statements) {
      const notAction = s.element('NotAction');
      if (s.effect !== 'Allow' || !notAction) continue;
      const listed = s.notActions.map((a) => a.text).filter((t): t is string => t !== undefined);
      const what = listed.length ? `everything except ${listed.slice(0, 3).map((t) => `"${t}"`).join(', ')}${listed.length > 3 ? ', ...' : ''}` : 'everything not listed';
      const verb = kind === 'scp' || kind === 'boundary' || kind === 'endpoint' ? 'permits' : 'grants';
      report({
        node: notAction.keyNode,
        message: `"Effect": "Allow" with "NotAction" ${verb} ${what}: every other action of every AWS service, including services and actions AWS adds later. Use "Action" with the actions needed, or a Deny statement with NotAction to carve out exceptions.`,
      });
    }
  },
};
