import { reference } from '../data/reference';
import { replaceString } from '../edits';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { ACTION_ELEMENTS, actionFacts, MALFORMED, MAX_ACTION_LENGTH, parseAction } from './_action';

/** What is wrong with a text that parseAction rejects, and a repaired text when one is obvious. */
export function diagnoseAction(text: string): { problem: string; repaired?: string } {
  if (text.trim() === '') return { problem: 'is empty' };
  if (text.length > MAX_ACTION_LENGTH) return { problem: `is ${text.length} characters long: no AWS action name is longer than ${MAX_ACTION_LENGTH}` };
  if (/\s/.test(text)) {
    const repaired = text.replace(/\s+/g, '');
    return { problem: 'contains whitespace, which IAM does not ignore', ...(repaired === '*' || parseAction(repaired) ? { repaired } : {}) };
  }
  if (/^arn:/i.test(text)) return { problem: 'is an ARN: ARNs belong in "Resource", actions are written service:Action (s3:GetObject)' };
  const colons = (text.match(/:/g) ?? []).length;
  if (colons === 0) {
    // s3.GetObject, s3/GetObject, s3_GetObject: a known service and action with the wrong separator.
    const m = /^([A-Za-z0-9-]+)[./_ ]([A-Za-z0-9*?]+)$/.exec(text);
    const repaired = m && reference().hasService(m[1]) ? `${m[1]}:${m[2]}` : undefined;
    return { problem: 'has no colon: IAM needs service-prefix:ActionName (s3:GetObject)', ...(repaired ? { repaired } : {}) };
  }
  const [service, ...rest] = text.split(':');
  if (colons > 1) {
    const joined = `${service}:${rest.filter((r) => r !== '').join('')}`;
    const repaired = rest.filter((r) => r !== '').length === 1 && parseAction(joined) ? joined : undefined;
    return { problem: `has ${colons} colons: IAM needs exactly one, service-prefix:ActionName`, ...(repaired ? { repaired } : {}) };
  }
  const name = rest[0];
  if (service === '') return { problem: 'has no service prefix before the colon' };
  if (name === '') return { problem: `has no action name after "${service}:" (write ${service}:ActionName, or ${service}:* for all)` };
  const bad = [...new Set(`${service}${name}`.replace(/[A-Za-z0-9*?:-]/g, ''))].map((c) => `"${c}"`).join(', ');
  return { problem: `contains ${bad}: service prefixes and action names have only letters, digits, hyphens and the wildcards * and ?` };
}

export const rule: Rule = {
  id: 'malformed-action',
  defaultSeverity: 'error',
  summary: 'An action that is not `service:Action`: no colon, whitespace, two colons, an empty part or a stray character.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const facts = actionFacts(s);
      for (const element of ACTION_ELEMENTS) {
        if (!(facts[element].flags & MALFORMED)) continue;
        for (const { item, text, flags } of facts[element].items) {
          if (!(flags & MALFORMED)) continue;
          const { problem, repaired } = diagnoseAction(text);
          const fixes: Fix[] = repaired ? [{ title: `Change to "${repaired}"`, edits: [replaceString(item.node, repaired)], preferred: true }] : [];
          report({
            node: item.node,
            message: `${element} "${text}" ${problem}. IAM cannot read it as an action: it rejects the policy, or the entry matches nothing.${repaired ? ` Did you mean "${repaired}"?` : ''}`,
            fixes,
          });
        }
      }
    }
  },
};
