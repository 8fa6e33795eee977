import { replaceString } from '../edits';
import { isServicePrincipal } from '../data/principals';
import { reference } from '../data/reference';
import { hasWildcard } from '../match';
import type { Rule } from '../rule';
import { forEachStringValue } from './_conditions-facts';

const KEY = 'iam:passedtoservice';

/**
 * A service principal as iam:PassedToService carries it: `<name>.amazonaws.com` (Regional names and the
 * other partitions' domains included). The `.amazon.com` domain only hosts Alexa principals, so
 * `sagemaker.amazon.com` is a mistake.
 */
function isValid(value: string): boolean {
  if (!isServicePrincipal(value)) return false;
  return !value.endsWith('.amazon.com') || value.startsWith('alexa');
}

/** `sagemaker`, `SageMaker.amazonaws.com`, `sagemaker.amazon.com`, ` sagemaker.amazonaws.com ` -> `sagemaker.amazonaws.com`. */
function suggestion(value: string): string | undefined {
  const label = value.trim().toLowerCase().split('.')[0];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(label)) return undefined;
  if (label !== 'sagemaker' && !reference().hasService(label)) return undefined;
  const candidate = `${label}.amazonaws.com`;
  return candidate === value ? undefined : candidate;
}

export const rule: Rule = {
  id: 'passed-to-service-invalid',
  defaultSeverity: 'error',
  summary: 'An `iam:PassedToService` value that is not a service principal (`sagemaker`, `sagemaker.amazon.com`).',
  scope: 'statement',
  check({ doc, report }) {
    forEachStringValue(doc.statements, KEY, (statement, op, ignoreCase, v) => {
      // A pattern (sagemaker.*) may match real names; wildcard-without-like covers patterns under StringEquals.
      if (hasWildcard(v.text) || isValid(ignoreCase ? v.text.toLowerCase() : v.text)) return;
      const fix = suggestion(v.text);
      report({
        node: v.node,
        message:
          `"${v.text}" is not a service principal: iam:PassedToService carries names such as "sagemaker.amazonaws.com", so this value ` +
          `never matches${statement.effect === 'Allow' && !op.base.negated ? ' and the role cannot be passed' : ''}.` +
          (fix ? ` Write "${fix}".` : ''),
        fixes: fix ? [{ title: `Change to "${fix}"`, edits: [replaceString(v.node, fix)], preferred: true }] : [],
      });
    });
  },
};
