import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'job-without-network-isolation';
const deploy = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:CreateModel', 'sagemaker:CreateEndpointConfig', 'sagemaker:CreateEndpoint'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on create actions that accept sagemaker:NetworkIsolation (the enterprise guide\'s deploy policy)', () => {
    const doc = policy(deploy());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateModel"');
    assert.match(f.message, /CreateEndpointConfig and CreateModel/);
    assert.match(f.message, /sagemaker:NetworkIsolation/);
  });

  it('fires on a training job statement on a job ARN', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: 'arn:aws:sagemaker:us-east-1:111122223333:training-job/team-a-*' }), {}, 1);
  });

  it('clean when GUARDED: the Allow requires network isolation', () => {
    assertClean(ID, policy(deploy({ Condition: { Bool: { 'sagemaker:NetworkIsolation': 'true' } } })));
  });

  it('clean when DENIED: a separate Deny without it (Bool "false" or Null "true")', () => {
    assertClean(ID, policy(deploy(), { Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*', Condition: { Bool: { 'sagemaker:NetworkIsolation': 'false' } } }));
    assertClean(ID, policy(deploy(), { Effect: 'Deny', Action: ['sagemaker:CreateModel', 'sagemaker:CreateEndpointConfig'], Resource: '*', Condition: { Null: { 'sagemaker:NetworkIsolation': 'true' } } }));
  });

  it('clean: a Deny statement itself never fires; actions without the key are out of scope', () => {
    assertClean(ID, policy({ ...deploy(), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:CreateEndpoint', 'sagemaker:CreateNotebookInstance'], Resource: '*' }));
  });
});
