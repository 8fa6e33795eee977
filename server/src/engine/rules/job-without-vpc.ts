import { reference } from '../data/reference';
import type { Rule } from '../rule';
import { actionsSupportingKey, keyIs, lazy, reportUnguardedGrants, guardingDenyText } from './_grants';

const KEYS = ['sagemaker:VpcSubnets', 'sagemaker:VpcSecurityGroupIds'];
const isVpcKey = keyIs(...KEYS);

/**
 * Create actions that take a VPC configuration: the reference data lists sagemaker:VpcSubnets for them.
 * Domains always live in a VPC (their network mode is sagemaker:AppNetworkAccessType), and user
 * profiles only take security groups, so both are left out.
 */
const vpcCreateActions = lazy(() => {
  const ref = reference();
  return actionsSupportingKey('sagemaker', 'sagemaker:VpcSubnets').filter(
    (a) => a.name.startsWith('Create') && !ref.actionSupportsConditionKey(a, 'sagemaker:AppNetworkAccessType'),
  );
});

function message(subject: string): string {
  return (
    `${subject} allowed without a sagemaker:VpcSubnets / sagemaker:VpcSecurityGroupIds ` +
    'condition: the caller can run the workload outside your VPC, with SageMaker-managed internet access. Require your subnets, e.g. ' +
    '"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-..."]} together with "Null": {"sagemaker:VpcSubnets": "false"}, ' +
    'or deny the action when "Null": {"sagemaker:VpcSubnets": "true"}.'
  );
}

export const rule: Rule = {
  id: 'job-without-vpc',
  defaultSeverity: 'info',
  summary: 'SageMaker create actions that accept `sagemaker:VpcSubnets`/`VpcSecurityGroupIds` allowed without a condition on them.',
  scope: guardingDenyText,
  check(ctx) {
    reportUnguardedGrants(ctx, vpcCreateActions(), isVpcKey, message);
  },
};
