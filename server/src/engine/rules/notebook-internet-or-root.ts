import { parseOperator } from '../data/operators';
import { reference, type ActionInfo } from '../data/reference';
import type { ConditionBlock, ConditionEntry, Statement } from '../parse/model';
import { globMatches } from '../match';
import type { Rule } from '../rule';
import { actionsSupportingKey, deniedWithGuard, ruleGrants, grantingEntry, isGrantingKind, keyIs, candidatesMask, lazy, guardingDenyText } from './_grants';
import { conditionEntries, mayGrantFrom } from './_util';

const KEYS = ['sagemaker:DirectInternetAccess', 'sagemaker:RootAccess'] as const;
const IS_KEY = KEYS.map((key) => keyIs(key));
/** The notebook actions the reference data lets you condition on internet access or root access. */
const notebookActions = lazy(() => actionsSupportingKey('sagemaker', ...KEYS));

/** Can the condition let "Enabled" through? Values compare case-sensitively unless the operator ignores case. */
function admitsEnabled(block: ConditionBlock, entry: ConditionEntry): boolean {
  const op = parseOperator(block.operator);
  if (!op) return false;
  // Null "false" lets any value through, Null "true" only requests without the key (the default is Enabled).
  if (op.family === 'Null') return true;
  if (op.family !== 'String') return false;
  const ignoreCase = op.base.name.includes('IgnoreCase');
  const matches = entry.values.some((v) => {
    if (v.text === undefined || v.text.includes('${')) return false;
    if (op.base.wildcards) return globMatches(v.text, 'Enabled', { ignoreCase });
    return ignoreCase ? v.text.toLowerCase() === 'enabled' : v.text === 'Enabled';
  });
  const unknown = entry.values.some((v) => v.text === undefined || v.text.includes('${'));
  if (unknown) return false;
  return op.base.negated ? !matches : matches;
}

/** The Allow statement requires the setting to be Disabled (a condition on the key that cannot let "Enabled" through). */
function allowDisables(s: Statement, key: string): boolean {
  const lower = key.toLowerCase();
  return conditionEntries(s).some(({ block, entry }) => entry.key.toLowerCase() === lower && !admitsEnabled(block, entry));
}

export const rule: Rule = {
  id: 'notebook-internet-or-root',
  defaultSeverity: 'info',
  summary: '`CreateNotebookInstance` (or `UpdateNotebookInstance`) allowed without `sagemaker:DirectInternetAccess` and `sagemaker:RootAccess` = `Disabled`.',
  scope: guardingDenyText,
  check({ doc, kind, report }) {
    if (!isGrantingKind(kind)) return;
    const ref = reference();
    const candidates = notebookActions();
    const mask = candidatesMask(candidates);
    for (const s of doc.statements) {
      if (!mayGrantFrom(s, mask)) continue;
      const granted = ruleGrants(s, candidates);
      const open: Array<{ action: ActionInfo; keys: string[] }> = [];
      for (const action of granted) {
        const keys = KEYS.filter(
          (key, i) => ref.actionSupportsConditionKey(action, key) && !allowDisables(s, key) && !deniedWithGuard(doc, action, IS_KEY[i]),
        );
        if (keys.length > 0) open.push({ action, keys });
      }
      if (open.length === 0) continue;
      const target = grantingEntry(s, open.map((o) => o.action));
      if (!target) continue;
      const parts = open.map((o) => `${o.action.name} is allowed without ${o.keys.map((k) => `"${k}": "Disabled"`).join(' and ')}`);
      const risks: string[] = [];
      if (open.some((o) => o.keys.includes('sagemaker:DirectInternetAccess'))) {
        risks.push('direct internet access is the default, so the notebook can reach (and send data to) the internet around your VPC');
      }
      if (open.some((o) => o.keys.includes('sagemaker:RootAccess'))) {
        risks.push('root access is the default, so notebook users can act as root on the instance (install anything, change its configuration)');
      }
      report({
        node: target.node,
        message: `${parts.join('; ')}: ${risks.join('; ')}. Require "Disabled" with StringEquals in this statement, or deny the action unless it is set.`,
      });
    }
  },
};
