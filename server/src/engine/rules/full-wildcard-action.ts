import type { Rule } from '../rule';
import { NON_GRANTING_KINDS } from './_action';

export const rule: Rule = {
  id: 'full-wildcard-action',
  defaultSeverity: 'error',
  summary: '`Allow` of every action (`"*"` or `"*:*"`); administrator access when the resource is `*` too.',
  scope: 'statement',
  check({ doc, kind, report }) {
    // SCPs, permissions boundaries and VPC endpoint policies only filter what other policies grant:
    // an Allow of "*" there is the default (FullAWSAccess), not a grant.
    if (NON_GRANTING_KINDS.has(kind)) return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      const everyResource = s.resources.some((r) => r.text === '*');
      for (const item of s.actions) {
        if (item.node.type !== 'string' || (item.text !== '*' && item.text !== '*:*')) continue;
        let message: string;
        if (kind === 'resource' || kind === 'trust') {
          message = `Action "${item.text}" lets the principal do everything to this resource, including changing or deleting it and its policy, and any action AWS adds later. List the actions the principal needs.`;
        } else if (everyResource && s.conditions.length === 0) {
          message = `Action "${item.text}" on Resource "*" is administrator access: every action of every AWS service on everything in the account, including IAM (so it can grant itself anything else). List the actions needed (for SageMaker, start from sagemaker:Describe*/List* and the specific Create*/Update* actions).`;
        } else if (everyResource) {
          message = `Action "${item.text}" on Resource "*" is administrator access whenever the condition holds: every action of every AWS service, including IAM. List the actions needed.`;
        } else {
          message = `Action "${item.text}" allows every action of every AWS service on these resources, including ones AWS adds later. List the actions needed.`;
        }
        report({ node: item.node, message });
      }
    }
  },
};
