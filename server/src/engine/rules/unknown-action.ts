import { reference } from '../data/reference';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { entriesWith, suggestActionNames, textMemo, UNKNOWN_ACTION } from './_action';
import { replaceIn, spanIn } from './_span';

/** Close names of the service's actions (an edit-distance scan of hundreds of names): once per distinct text. */
const suggestionsFor = textMemo(({ parsed }) => suggestActionNames(reference().actions(parsed!.service).map((a) => a.name), parsed!.name, 3));

export const rule: Rule = {
  id: 'unknown-action',
  defaultSeverity: 'error',
  summary: 'The action does not exist in its service (actions are case-insensitive: a different case is fine).',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    for (const s of doc.statements) {
      for (const { element, item, text, action, facts } of entriesWith(s, UNKNOWN_ACTION)) {
        const suggestions = suggestionsFor(facts);
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
    }
  },
};
