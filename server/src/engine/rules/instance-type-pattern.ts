import { replaceString } from '../edits';
import type { Rule } from '../rule';
import { forEachStringValue } from './_conditions-facts';

const KEY = 'sagemaker:instancetypes';
/** Values SageMaker itself uses that are not `ml.` types: Studio's JupyterServer/KernelGateway "system" instance. */
const SPECIAL = new Set(['system']);

/**
 * Can the value (with `*` and `?` wildcards when the operator takes them) match a string starting with
 * `ml.`? Compared character by character over those three characters.
 */
function canMatchMlType(value: string, wildcards: boolean, ignoreCase: boolean): boolean {
  const text = ignoreCase ? value.toLowerCase() : value;
  if (SPECIAL.has(text)) return true;
  const prefix = 'ml.';
  for (let i = 0; i < prefix.length; i++) {
    const c = text[i];
    if (c === undefined) return false;
    if (wildcards && c === '*') return true;
    if (wildcards && c === '?') continue;
    if (c !== prefix[i]) return false;
  }
  return true;
}

/** `m5.*` -> `ml.m5.*`; `ML.m5.large` -> `ml.m5.large`; `ml-m5.large` -> `ml.m5.large`. Undefined when nothing is left to prefix. */
function fixed(value: string): string | undefined {
  const rest = value.replace(/^ml[._-]?(?=[a-z0-9*?])/i, '');
  if (rest === '' || /^ml[._-]?$/i.test(value)) return undefined;
  return `ml.${rest.toLowerCase()}`;
}

export const rule: Rule = {
  id: 'instance-type-pattern',
  defaultSeverity: 'warning',
  summary: 'A `sagemaker:InstanceTypes` value that cannot match a SageMaker instance type (no `ml.` prefix, e.g. `m5.*`).',
  scope: 'statement',
  check({ doc, report }) {
    forEachStringValue(doc.statements, KEY, (statement, op, ignoreCase, v) => {
      if (canMatchMlType(v.text, op.base.wildcards, ignoreCase)) return;
      const replacement = fixed(v.text);
      const effect = op.base.negated ? 'this value excludes nothing' : statement.effect === 'Deny' ? 'the Deny never applies through this value' : 'this value allows nothing';
      report({
        node: v.node,
        message:
          `"${v.text}" cannot match any instance type: SageMaker instance types start with "ml." (ml.m5.xlarge, ml.g5.2xlarge), so ${effect}.` +
          (replacement ? ` Write "${replacement}".` : ''),
        fixes: replacement ? [{ title: `Change to "${replacement}"`, edits: [replaceString(v.node, replacement)], preferred: true }] : [],
      });
    });
  },
};
