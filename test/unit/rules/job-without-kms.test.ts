import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'job-without-kms';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const jobs = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:CreateTransformJob'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on create actions that accept a volume or output KMS key', () => {
    const doc = policy(jobs());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateTrainingJob"');
    assert.match(f.message, /sagemaker:VolumeKmsKeyArn/);
    assert.match(f.message, /CreateTrainingJob and CreateTransformJob/);
  });

  it('fires on a notebook instance create', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:CreateNotebookInstance', Resource: '*' }), {}, 1);
  });

  it('clean when GUARDED: the Allow names the key (either key)', () => {
    assertClean(ID, policy(jobs({ Condition: { ArnEquals: { 'sagemaker:VolumeKmsKeyArn': KEY, 'sagemaker:OutputKmsKeyArn': KEY } } })));
    assertClean(ID, policy(jobs({ Condition: { ArnEquals: { 'sagemaker:OutputKmsKeyArn': KEY } } })));
  });

  it('clean when DENIED: a separate Deny without a key (Null "true") or with another key (negated operator)', () => {
    assertClean(ID, policy(jobs(), { Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*', Condition: { Null: { 'sagemaker:VolumeKmsKeyArn': 'true' } } }));
    assertClean(ID, policy(jobs(), { Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*', Condition: { ArnNotEquals: { 'sagemaker:OutputKmsKeyArn': KEY } } }));
  });

  it('clean: a Deny statement itself never fires; describe/stop actions are out of scope', () => {
    assertClean(ID, policy({ ...jobs(), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'], Resource: '*' }));
  });
});
