import type { Rule } from '../rule';
import { setCurrentVersionFix } from './_version';

export const rule: Rule = {
  id: 'old-version',
  defaultSeverity: 'warning',
  summary: '`Version` `2008-10-17`: an old language version without policy variables.',
  check({ doc, report }) {
    const v = doc.version?.value;
    if (v?.type !== 'string' || v.value !== '2008-10-17') return;
    report({
      node: v,
      message: 'Version "2008-10-17" is the old policy language: policy variables such as ${aws:username} are matched literally and newer features are missing. Use "2012-10-17".',
      fixes: setCurrentVersionFix(doc),
    });
  },
};
