import type { Rule } from '../rule';
import { actionsSupportingKey, keyIs, lazy, reportUnguardedGrants, guardingDenyText } from './_grants';

const KEY = 'sagemaker:NetworkIsolation';
const isKey = keyIs(KEY);
/** Create actions the reference data lets you condition on network isolation (jobs, models, endpoint configs, monitoring). */
const createActions = lazy(() => actionsSupportingKey('sagemaker', KEY).filter((a) => a.name.startsWith('Create')));

function message(subject: string): string {
  return (
    `${subject} allowed without a sagemaker:NetworkIsolation condition: the container ` +
    'can make outbound network calls, so code or a model from an untrusted source can send your data out. Require ' +
    '"Bool": {"sagemaker:NetworkIsolation": "true"}, or deny the action when "Bool": {"sagemaker:NetworkIsolation": "false"}.'
  );
}

export const rule: Rule = {
  id: 'job-without-network-isolation',
  defaultSeverity: 'info',
  summary: 'SageMaker create actions that accept `sagemaker:NetworkIsolation` allowed without it.',
  scope: guardingDenyText,
  check(ctx) {
    reportUnguardedGrants(ctx, createActions(), isKey, message);
  },
};
