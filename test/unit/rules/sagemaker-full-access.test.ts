import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'sagemaker-full-access';
const ARN = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess';

describe(ID, () => {
  it('fires on sagemaker:* allowed on * without a condition, on the action entry', () => {
    const doc = policy({ Effect: 'Allow', Action: ['s3:GetObject', 'sagemaker:*'], Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:*"');
    assert.match(f.message, /full SageMaker access/);
  });

  it('fires on NotResource (the shape of AmazonSageMakerFullAccess itself) and on arn:aws:sagemaker:*:*:*', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', NotResource: 'arn:aws:sagemaker:*:*:domain/*' }), {}, 1);
    assertFires(ID, policy({ Effect: 'Allow', Action: 'SageMaker:*', Resource: 'arn:aws:sagemaker:*:*:*' }), {}, 1);
  });

  it('fires on the managed policy ARN in an Allow condition (attaching it is allowed)', () => {
    const doc = policy({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: 'arn:aws:iam::111122223333:role/ds-*', Condition: { ArnEquals: { 'iam:PolicyARN': ARN } } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), JSON.stringify(ARN));
    assert.match(f.message, /AmazonSageMakerFullAccess/);
  });

  it('clean with a condition, on scoped resources, and for narrower wildcards', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:sagemaker:*:*:flow-definition/*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:Describe*', 'sagemaker:List*'], Resource: '*' }));
  });

  it('clean on "*" (full-wildcard-action reports it) and on Deny statements', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: '*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Deny', Action: 'sagemaker:*', Resource: '*' }));
  });

  it('clean where the ARN is excluded or denied: Deny statements, negated operators, NotResource, read-only statements', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 'iam:AttachRolePolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': ARN } } }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*', Condition: { ArnNotEquals: { 'iam:PolicyARN': ARN } } }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'iam:GetPolicy', NotResource: ARN }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'], Resource: ARN }));
  });
});
