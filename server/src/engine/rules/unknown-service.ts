import { TextCache } from '../textCache';
import { reference } from '../data/reference';
import { RETIRED_SERVICES } from '../data/retiredServices';
import { removeNode } from '../edits';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { entriesWith, UNKNOWN_SERVICE } from './_action';
import { replaceIn, spanIn } from './_span';
import { didYouMean } from './_util';

/** Suggestions by lower-cased prefix: the same unknown prefix tends to repeat (deepracer:Get*, deepracer:List*, ...). */
const suggestionCache = new TextCache<string[]>(1000);

function suggest(prefix: string): string[] {
  return suggestionCache.get(prefix.toLowerCase(), suggestFor, prefix);
}

/** didYouMean compares case-insensitively: the suggestions for one spelling serve them all. */
const suggestFor = (_lower: string, prefix: string) => didYouMean(prefix, reference().services(), 3);

export const rule: Rule = {
  id: 'unknown-service',
  defaultSeverity: 'error',
  summary: 'The service prefix of an action does not exist in the AWS Service Authorization Reference.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const { element, item, text, action, entries } of entriesWith(s, UNKNOWN_SERVICE)) {
        const retired = RETIRED_SERVICES.get(action.service.toLowerCase());
        if (retired) {
          const inList = entries > 1;
          report({
            ...spanIn(doc.text, item.node, 0, action.service.length),
            message:
              `${element} "${text}": "${action.service}" is the prefix of ${retired}, which AWS has retired; the Service Authorization Reference no longer lists it, so this entry matches no action.` +
              (element === 'Action' ? ' Remove it.' : ' Remove it (it no longer excludes anything).'),
            fixes: inList ? [{ title: `Remove "${text}" (retired service)`, edits: removeNode(doc.text, item.node), preferred: true }] : [],
          });
          continue;
      }
      const suggestions = suggest(action.service);
      const fixes: Fix[] = suggestions.map((prefix) => ({
        title: `Change the service prefix to "${prefix}"`,
        edits: [replaceIn(doc.text, item.node, 0, action.service.length, prefix)],
        ...(suggestions.length === 1 ? { preferred: true } : {}),
      }));
      report({
        ...spanIn(doc.text, item.node, 0, action.service.length),
        message:
          `${element} "${text}": no AWS service has the prefix "${action.service}" in the Service Authorization Reference (a misspelling, or a service AWS has retired), so this entry matches no action.` +
          (suggestions.length ? ` Did you mean ${suggestions.map((p) => `"${p}"`).join(', ')}?` : ' Remove it, or use a prefix from the reference ("sagemaker", "s3", "iam", ...).'),
        fixes,
      });
      }
    }
  },
};
