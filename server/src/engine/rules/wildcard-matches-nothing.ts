import { reference } from '../data/reference';
import type { Rule } from '../rule';
import { actionEntries, suggestActionNames } from './_action';

export const rule: Rule = {
  id: 'wildcard-matches-nothing',
  defaultSeverity: 'error',
  summary: 'A wildcard action (`s3:Gett*`, `sagemaker:*Apps`) that matches no action of the service.',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    for (const { element, item, text, action } of actionEntries(doc)) {
      if (!(action.serviceWildcard || action.nameWildcard)) continue;
      // An unknown literal prefix is unknown-service's finding.
      if (!action.serviceWildcard && !ref.hasService(action.service)) continue;
      if (ref.matchActions(text).length > 0) continue;
      let message: string;
      if (action.serviceWildcard) {
        message = `${element} "${text}" matches no action: no service prefix matches "${action.service}" with an action matching "${action.name}". IAM accepts it, but it grants or denies nothing.`;
      } else {
        const names = ref.actions(action.service).map((a) => a.name);
        const near = suggestActionNames(names, action.name.replace(/[*?]/g, ''), 3);
        message =
          `${element} "${text}" matches no action of ${ref.serviceName(action.service) ?? action.service}. IAM accepts it, but it grants or denies nothing.` +
          (near.length ? ` Closest actions: ${near.map((n) => `${action.service}:${n}`).join(', ')}.` : '');
      }
      report({ node: item.node, message });
    }
  },
};
