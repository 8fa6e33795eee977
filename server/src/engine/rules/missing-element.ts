import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { actionTexts } from './_util';

const TRUST_ACTION = /^sts:(assumerole\w*|tagsession|setsourceidentity|setcontext)$/i;

const EFFECT = 1;
const ACTION = 2;
const RESOURCE = 4;
const PRINCIPAL = 8;

/** The element names `has` accepts for each bit, lower-cased: any case, and plurals ("action" or "Actions" is unknown-element's). */
const LENIENT_NAMES: ReadonlyMap<string, number> = new Map([
  ...['effect', 'effects'].map((n) => [n, EFFECT] as const),
  ...['action', 'actions', 'notaction', 'notactions'].map((n) => [n, ACTION] as const),
  ...['resource', 'resources', 'notresource', 'notresources'].map((n) => [n, RESOURCE] as const),
  ...['principal', 'principals', 'notprincipal', 'notprincipals'].map((n) => [n, PRINCIPAL] as const),
]);

/** Which of the four kinds of element the statement has, in one pass over its keys (nearly all spelled exactly). */
function presentElements(s: Statement): number {
  let present = 0;
  for (const p of s.properties) {
    switch (p.key) {
      case 'Effect': present |= EFFECT; break;
      case 'Action': case 'NotAction': present |= ACTION; break;
      case 'Resource': case 'NotResource': present |= RESOURCE; break;
      case 'Principal': case 'NotPrincipal': present |= PRINCIPAL; break;
      case 'Sid': case 'Condition': break;
      default: present |= LENIENT_NAMES.get(p.key.toLowerCase()) ?? 0;
    }
  }
  return present;
}

function isTrustStatement(s: Statement): boolean {
  const actions = actionTexts(s);
  return (presentElements(s) & PRINCIPAL) !== 0 && actions.length > 0 && actions.every((a) => TRUST_ACTION.test(a));
}

export const rule: Rule = {
  id: 'missing-element',
  defaultSeverity: 'error',
  summary: 'No `Statement`; a statement without `Effect`, `Action`/`NotAction`, `Resource`/`NotResource` or (resource, trust) `Principal`.',
  scope: 'statement',
  check({ doc, kind, report }) {
    if (kind !== 'fragment' && !doc.statementProperty && !doc.topLevel.some((p) => p.key.toLowerCase() === 'statement') && doc.root) {
      report({ offset: doc.root.offset, length: 1, message: 'The policy has no "Statement": it grants and denies nothing, and IAM rejects it.' });
    }
    const needsPrincipal = kind === 'resource' || kind === 'trust' || kind === 'endpoint';
    for (const s of doc.statements) {
      const present = presentElements(s);
      // Every element a statement can need is there: nearly always.
      if (present === (EFFECT | ACTION | RESOURCE | PRINCIPAL) || (!needsPrincipal && present === (EFFECT | ACTION | RESOURCE))) continue;
      const at = { offset: s.node.offset, length: 1 };
      const missing: string[] = [];
      if (!(present & EFFECT)) missing.push('"Effect" (Allow or Deny)');
      if (!(present & ACTION)) missing.push('"Action" or "NotAction"');
      const needsResource = kind === 'trust' ? false : kind === 'fragment' ? !isTrustStatement(s) : true;
      if (needsResource && !(present & RESOURCE)) missing.push('"Resource" or "NotResource"');
      if (needsPrincipal && !(present & PRINCIPAL)) missing.push('"Principal" or "NotPrincipal"');
      if (missing.length === 0) continue;
      const name = s.sid ? `Statement "${s.sid}"` : `Statement ${s.index + 1}`;
      report({ ...at, message: `${name} has no ${missing.join(', no ')}: IAM rejects a statement without it.` });
    }
  },
};
