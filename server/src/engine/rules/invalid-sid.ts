import { replaceString } from '../edits';
import { allStatements, inView, type Statement } from '../parse/model';
import type { Rule } from '../rule';

/** IAM (identity, boundary, trust, SCP) allows only ASCII letters and digits; S3, KMS and others allow more. */
const IAM_KINDS = new Set(['identity', 'boundary', 'scp', 'trust']);

/** `/^[A-Za-z0-9]+$/` (on a non-empty Sid). */
function isAlphanumeric(sid: string): boolean {
  for (let i = 0; i < sid.length; i++) {
    const c = sid.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return sid.length > 0;
}

export const rule: Rule = {
  id: 'invalid-sid',
  defaultSeverity: 'error',
  summary: '`Sid` with characters other than A-Z, a-z, 0-9 (IAM policies), or a `Sid` that is not a string.',
  scope: (s) => s.sid ?? '',
  check({ doc, kind, report }) {
    // Sids the fixes must not collide with (duplicate-sid): those already in the policy and those fixes hand
    // out. Gathered at the first fix: most policies need none.
    let taken: Set<string> | undefined;
    const unique = (base: string): string => {
      taken ??= new Set(allStatements(doc).map((s) => s.sid).filter((sid): sid is string => sid !== undefined));
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
      taken.add(name);
      return name;
    };
    // In document order, also outside a view: the names fixes hand out depend on the statements before.
    let shown: ((s: Statement) => boolean) | undefined;
    const iamKind = IAM_KINDS.has(kind);
    for (const s of allStatements(doc)) {
      // Most Sids are fine: decided on the parsed Sid before looking for its node.
      if (s.sid !== undefined && (!iamKind || s.sid === '' || isAlphanumeric(s.sid))) continue;
      shown ??= inView(doc);
      const v = s.element('Sid')?.value;
      if (!v) continue;
      if (v.type !== 'string') {
        if (!shown(s)) continue;
        report({ node: v, message: `"Sid" must be a string, not ${v.type === 'null' ? 'null' : v.type === 'array' || v.type === 'object' ? `an ${v.type}` : `a ${v.type}`}: IAM rejects the policy.` });
        continue;
      }
      const sid = v.value as string;
      if (!iamKind || sid === '' || isAlphanumeric(sid)) continue;
      const stripped = sid.replace(/[^A-Za-z0-9]/g, '');
      const cleaned = stripped ? unique(stripped) : '';
      if (!shown(s)) continue;
      report({
        node: v,
        message: `Sid "${sid}" contains characters IAM does not allow (${[...new Set(sid.replace(/[A-Za-z0-9]/g, ''))].map((c) => JSON.stringify(c)).join(' ')}): IAM policies accept only letters and digits.`,
        fixes: cleaned ? [{ title: `Change to "${cleaned}"`, edits: [replaceString(v, cleaned)], preferred: true }] : [],
      });
    }
  },
};
