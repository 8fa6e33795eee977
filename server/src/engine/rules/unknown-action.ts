import { reference } from '../data/reference';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { actionEntries, suggestActionNames } from './_action';
import { replaceIn, spanIn } from './_span';

export const rule: Rule = {
  id: 'unknown-action',
  defaultSeverity: 'error',
  summary: 'The action does not exist in its service (actions are case-insensitive: a different case is fine).',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    for (const { element, item, text, action } of actionEntries(doc)) {
      if (action.serviceWildcard || action.nameWildcard) continue;
      if (!ref.hasService(action.service) || ref.action(action.service, action.name)) continue;
      const names = ref.actions(action.service).map((a) => a.name);
      const suggestions = suggestActionNames(names, action.name, 3);
      const start = action.service.length + 1;
      const fixes: Fix[] = suggestions.map((name) => ({
        title: `Change to "${action.service}:${name}"`,
        edits: [replaceIn(doc.text, item.node, start, action.name.length, name)],
        ...(suggestions.length === 1 ? { preferred: true } : {}),
      }));
      const service = ref.serviceName(action.service) ?? action.service;
      report({
        ...spanIn(doc.text, item.node, start, action.name.length),
        message:
          `${element} "${text}": ${service} has no action "${action.name}" (in the Service Authorization Reference; it may never have existed or have been retired), so this entry grants or denies nothing.` +
          (suggestions.length ? ` Did you mean ${suggestions.map((n) => `"${action.service}:${n}"`).join(', ')}?` : ''),
        fixes,
      });
    }
  },
};
