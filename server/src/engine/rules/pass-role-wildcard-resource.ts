import type { Rule } from '../rule';
import { grantsAction, resourceTexts } from './_util';

/** `*`, `arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/*`: every role the account can hold. */
function isEveryRole(resource: string): boolean {
  return resource === '*' || /^arn:[\w-]*\*?[\w-]*:iam::[^:]*:(role\/)?\*$/.test(resource) || /^arn:\*:/.test(resource) && resource.endsWith(':*');
}

export const rule: Rule = {
  id: 'pass-role-wildcard-resource',
  defaultSeverity: 'warning',
  summary: '`iam:PassRole` (directly or through `iam:*`, `iam:Pass*`, `*`) allowed on `*` or every role (`role/*`).',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !grantsAction(s, 'iam:PassRole')) continue;
      for (const r of s.resources) {
        if (r.text === undefined || !isEveryRole(r.text)) continue;
        report({
          node: r.node,
          message: `iam:PassRole is allowed on "${r.text}": the principal can hand ANY role in the account, including administrator roles, to SageMaker or another service and act with its rights. List the execution role ARNs (or a path such as role/service-role/SageMaker*) instead.`,
        });
      }
    }
  },
};
