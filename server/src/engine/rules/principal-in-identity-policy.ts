import { IDENTITY_KINDS } from '../parse/grammar';
import type { Rule } from '../rule';

const KIND_NAMES: Record<string, string> = { identity: 'an identity policy', boundary: 'a permissions boundary', scp: 'a service control policy (SCP)' };

export const rule: Rule = {
  id: 'principal-in-identity-policy',
  defaultSeverity: 'error',
  summary: '`Principal`/`NotPrincipal` in a document set to be an identity, boundary or SCP policy.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (!IDENTITY_KINDS.has(kind)) return;
    for (const s of doc.statements) {
      for (const name of ['Principal', 'NotPrincipal']) {
        const p = s.element(name);
        if (p) report({ node: p.keyNode, message: `"${name}" is not allowed in ${KIND_NAMES[kind] ?? `a ${kind} policy`}: the principal is whoever the policy is attached to. IAM rejects the policy; remove "${name}" or set the document's kind to resource or trust.` });
      }
    }
  },
};
