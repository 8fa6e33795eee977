import { GLOBAL_CONDITION_KEYS } from '../data/globalConditionKeys';
import { reference } from '../data/reference';
import type { Rule } from '../rule';
import { type KeyPredicate, lazy, reportUnguardedGrants, guardingDenyText } from './_grants';

/** The global keys that say where the request comes from (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, ...). */
const NETWORK_KEYS = new Set(GLOBAL_CONDITION_KEYS.filter((k) => k.category === 'network').map((k) => k.key.toLowerCase()));
const isNetworkKey: KeyPredicate = (lower) => NETWORK_KEYS.has(lower);

const presignedActions = lazy(() => reference().matchActions('sagemaker:CreatePresigned*'));

function message(subject: string): string {
  return (
    `${subject} allowed from any network: a URL (or the credentials to request one) used from ` +
    'outside your network still opens Studio or the notebook. Add a network condition, e.g. "aws:SourceVpce" for your SageMaker API ' +
    'VPC endpoint or "aws:SourceIp" for your corporate range (IpAddress), or deny the action unless one holds.'
  );
}

export const rule: Rule = {
  id: 'presigned-url-no-network-guard',
  defaultSeverity: 'info',
  summary: 'Presigned Studio/notebook URL actions allowed without an `aws:SourceIp`, `aws:SourceVpc` or `aws:SourceVpce` condition.',
  scope: guardingDenyText,
  check(ctx) {
    reportUnguardedGrants(ctx, presignedActions(), isNetworkKey, message);
  },
};
