import type { Rule } from '../rule';
import { actionsSupportingKey, keyIs, lazy, reportUnguardedGrants, guardingDenyText } from './_grants';

const KEYS = ['sagemaker:VolumeKmsKeyArn', 'sagemaker:OutputKmsKeyArn'];
/** Create actions the reference data lets you condition on a volume or output KMS key. */
const createActions = lazy(() => actionsSupportingKey('sagemaker', ...KEYS).filter((a) => a.name.startsWith('Create')));
/** The deprecated spellings still state the intent; deprecated-condition-key asks for the rename. */
const isKmsKey = keyIs(...KEYS, 'sagemaker:VolumeKmsKey', 'sagemaker:OutputKmsKey');

function message(subject: string): string {
  return (
    `${subject} allowed without a sagemaker:VolumeKmsKeyArn / sagemaker:OutputKmsKeyArn ` +
    'condition: the caller can leave the storage volumes and the output in S3 under AWS managed keys instead of your customer ' +
    'managed key, whose key policy and audit trail you control. Require your key, e.g. "ArnEquals": {"sagemaker:VolumeKmsKeyArn": "arn:aws:kms:...:key/..."}, or deny the action when ' +
    '"Null": {"sagemaker:VolumeKmsKeyArn": "true"}.'
  );
}

export const rule: Rule = {
  id: 'job-without-kms',
  defaultSeverity: 'info',
  summary: 'SageMaker create actions that accept `sagemaker:VolumeKmsKeyArn`/`OutputKmsKeyArn` allowed without them.',
  scope: guardingDenyText,
  check(ctx) {
    reportUnguardedGrants(ctx, createActions(), isKmsKey, message);
  },
};
