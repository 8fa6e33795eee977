import { reference } from '../data/reference';
import type { Rule } from '../rule';
import { entriesWith, MATCHES_NOTHING, suggestActionNames, textMemo } from './_action';

/** The service's actions closest to the pattern's letters (an edit-distance scan): once per distinct text. */
const closestActions = textMemo(({ parsed }) =>
  suggestActionNames(reference().actions(parsed!.service).map((a) => a.name), parsed!.name.replace(/[*?]/g, ''), 3),
);

export const rule: Rule = {
  id: 'wildcard-matches-nothing',
  defaultSeverity: 'error',
  summary: 'A wildcard action (`s3:Gett*`, `sagemaker:*Apps`) that matches no action of the service.',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    // Not an unknown literal prefix: that is unknown-service's finding.
    for (const s of doc.statements) {
      for (const { element, item, text, action, facts } of entriesWith(s, MATCHES_NOTHING)) {
        let message: string;
        if (action.serviceWildcard) {
          message = `${element} "${text}" matches no action: no service prefix matches "${action.service}" with an action matching "${action.name}". IAM accepts it, but it grants or denies nothing.`;
        } else {
          const near = closestActions(facts);
          message =
            `${element} "${text}" matches no action of ${ref.serviceName(action.service) ?? action.service}. IAM accepts it, but it grants or denies nothing.` +
            (near.length ? ` Closest actions: ${near.map((n) => `${action.service}:${n}`).join(', ')}.` : '');
      }
      report({ node: item.node, message });
      }
    }
  },
};
