import { replaceString } from '../edits';
import type { Rule } from '../rule';

/** IAM (identity, boundary, trust, SCP) allows only ASCII letters and digits; S3, KMS and others allow more. */
const IAM_KINDS = new Set(['identity', 'boundary', 'scp', 'trust']);

export const rule: Rule = {
  id: 'invalid-sid',
  defaultSeverity: 'error',
  summary: '`Sid` with characters other than A-Z, a-z, 0-9 (IAM policies), or a `Sid` that is not a string.',
  check({ doc, kind, report }) {
    // Sids the fixes must not collide with (duplicate-sid): those already in the policy and those fixes hand out.
    const taken = new Set(doc.statements.map((s) => s.sid).filter((sid): sid is string => sid !== undefined));
    const unique = (base: string): string => {
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
      taken.add(name);
      return name;
    };
    for (const s of doc.statements) {
      const v = s.element('Sid')?.value;
      if (!v) continue;
      if (v.type !== 'string') {
        report({ node: v, message: `"Sid" must be a string, not ${v.type === 'null' ? 'null' : v.type === 'array' || v.type === 'object' ? `an ${v.type}` : `a ${v.type}`}: IAM rejects the policy.` });
        continue;
      }
      const sid = v.value as string;
      if (!IAM_KINDS.has(kind) || sid === '' || /^[A-Za-z0-9]+$/.test(sid)) continue;
      const stripped = sid.replace(/[^A-Za-z0-9]/g, '');
      const cleaned = stripped ? unique(stripped) : '';
      report({
        node: v,
        message: `Sid "${sid}" contains characters IAM does not allow (${[...new Set(sid.replace(/[A-Za-z0-9]/g, ''))].map((c) => JSON.stringify(c)).join(' ')}): IAM policies accept only letters and digits.`,
        fixes: cleaned ? [{ title: `Change to "${cleaned}"`, edits: [replaceString(v, cleaned)], preferred: true }] : [],
      });
    }
  },
};
