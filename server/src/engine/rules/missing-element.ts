import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { actionTexts } from './_util';

const TRUST_ACTION = /^sts:(assumerole\w*|tagsession|setsourceidentity|setcontext)$/i;

function has(s: Statement, ...names: string[]): boolean {
  // Lenient on case and plurals: "action" or "Actions" is reported (with a rename fix) by unknown-element instead.
  return s.properties.some((p) => names.some((n) => n.toLowerCase() === p.key.toLowerCase() || `${n.toLowerCase()}s` === p.key.toLowerCase()));
}

function isTrustStatement(s: Statement): boolean {
  const actions = actionTexts(s);
  return has(s, 'Principal', 'NotPrincipal') && actions.length > 0 && actions.every((a) => TRUST_ACTION.test(a));
}

export const rule: Rule = {
  id: 'missing-element',
  defaultSeverity: 'error',
  summary: 'No `Statement`; a statement without `Effect`, `Action`/`NotAction`, `Resource`/`NotResource` or (resource, trust) `Principal`.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (kind !== 'fragment' && !doc.topLevel.some((p) => p.key.toLowerCase() === 'statement') && doc.root) {
      report({ offset: doc.root.offset, length: 1, message: 'The policy has no "Statement": it grants and denies nothing, and IAM rejects it.' });
    }
    for (const s of doc.statements) {
      const at = { offset: s.node.offset, length: 1 };
      const missing: string[] = [];
      if (!has(s, 'Effect')) missing.push('"Effect" (Allow or Deny)');
      if (!has(s, 'Action', 'NotAction')) missing.push('"Action" or "NotAction"');
      const needsResource = kind === 'trust' ? false : kind === 'fragment' ? !isTrustStatement(s) : true;
      if (needsResource && !has(s, 'Resource', 'NotResource')) missing.push('"Resource" or "NotResource"');
      const needsPrincipal = kind === 'resource' || kind === 'trust' || kind === 'endpoint';
      if (needsPrincipal && !has(s, 'Principal', 'NotPrincipal')) missing.push('"Principal" or "NotPrincipal"');
      if (missing.length === 0) continue;
      const name = s.sid ? `Statement "${s.sid}"` : `Statement ${s.index + 1}`;
      report({ ...at, message: `${name} has no ${missing.join(', no ')}: IAM rejects a statement without it.` });
    }
  },
};
