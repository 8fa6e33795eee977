import { VALID_VERSIONS } from '../parse/grammar';
import type { Rule } from '../rule';
import { setCurrentVersionFix } from './_version';

export const rule: Rule = {
  id: 'invalid-version',
  defaultSeverity: 'error',
  summary: '`Version` other than `2012-10-17` or `2008-10-17` (for example, the date of today).',
  check({ doc, report }) {
    const v = doc.version?.value;
    if (v?.type !== 'string' || (VALID_VERSIONS as readonly string[]).includes(v.value as string)) return;
    report({
      node: v,
      message: `Version "${v.value}" is not a policy language version: it is not a date you choose. IAM accepts only "2012-10-17" (current) and "2008-10-17".`,
      fixes: setCurrentVersionFix(doc),
    });
  },
};
