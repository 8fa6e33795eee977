import type { Rule } from '../rule';
import { setCurrentVersionFix } from './_version';

export const rule: Rule = {
  id: 'missing-version',
  defaultSeverity: 'warning',
  summary: 'No `Version`: IAM then uses 2008-10-17 and policy variables are not expanded.',
  check({ doc, kind, report }) {
    if (kind === 'fragment' || doc.version || !doc.root) return;
    if (doc.topLevel.some((p) => p.key.toLowerCase() === 'version')) return; // wrongly cased: unknown-element
    report({
      offset: doc.root.offset,
      length: 1,
      message: 'The policy has no "Version": IAM applies the old 2008-10-17 language, in which policy variables such as ${aws:username} are not expanded. Add "Version": "2012-10-17".',
      fixes: setCurrentVersionFix(doc, 'Insert "Version": "2012-10-17"'),
    });
  },
};
