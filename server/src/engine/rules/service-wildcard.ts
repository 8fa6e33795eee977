import { reference } from '../data/reference';
import { propertiesOf } from '../parse/json';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { entriesWith, NON_GRANTING_KINDS, textMemo, WHOLE_SERVICE } from './_action';

/**
 * A resource-policy statement whose principals are only whole accounts (`arn:aws:iam::111122223333:root`
 * or a bare account ID) delegates to the account's IAM policies: `kms:*` to the account root is the
 * default KMS key policy, not a grant to anyone in particular.
 */
function onlyAccountPrincipals(s: Statement): boolean {
  const principal = s.element('Principal')?.value;
  if (!principal || principal.type !== 'object') return false;
  const props = propertiesOf(principal);
  if (props.length !== 1 || props[0].key !== 'AWS') return false;
  const values = props[0].value?.type === 'array' ? props[0].value.children ?? [] : props[0].value ? [props[0].value] : [];
  return values.length > 0 && values.every((v) => v.type === 'string' && /^(\d{12}|arn:[\w-]+:iam::\d{12}:root)$/.test(v.value as string));
}

/** The message counts the service's actions by access level: worked out once per distinct text. */
const messageFor = textMemo(({ text, parsed }) => {
  const ref = reference();
  const service = parsed!.service;
  const actions = ref.actions(service);
  const levels = new Map<string, number>();
  for (const a of actions) levels.set(a.accessLevel, (levels.get(a.accessLevel) ?? 0) + 1);
  const writes = ['Write', 'Permissions management', 'Tagging'].filter((l) => levels.has(l)).map((l) => `${levels.get(l)} ${l.toLowerCase()}`);
  const name = ref.serviceName(service) ?? service;
  const readOnly = ['List', 'Read'].filter((l) => levels.has(l)).length > 0 ? ` For read-only access, ${service}:Get*, ${service}:List* and ${service}:Describe* are narrower.` : '';
  return `"${text}" allows all ${actions.length} actions of ${name}${writes.length ? ` (${writes.join(', ')} among them)` : ''} and every action AWS adds to it later. List the actions needed.${readOnly}`;
});

export const rule: Rule = {
  id: 'service-wildcard',
  defaultSeverity: 'warning',
  summary: '`Allow` of every action of a service (`service:*`), including permission changes and actions added later.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (NON_GRANTING_KINDS.has(kind)) return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      const entries = entriesWith(s, WHOLE_SERVICE);
      if (entries.length === 0 || onlyAccountPrincipals(s)) continue;
      for (const { element, item, facts } of entries) {
        if (element === 'Action') report({ node: item.node, message: messageFor(facts) });
      }
    }
  },
};
