import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'condition-key-not-applicable';
const stmt = (action: string | string[], condition: object, extra: object = {}) => policy({ Effect: 'Allow', Action: action, Resource: '*', Condition: condition, ...extra });

describe(ID, () => {
  it('fires on a service key no action of the statement supports and underlines the key', () => {
    const doc = stmt('sagemaker:CreateTrainingJob', { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"iam:PassedToService"');
    assert.match(f.message, /sagemaker:CreateTrainingJob/);
    assert.match(f.message, /never true/);
  });

  it('fires with an IfExists operator and says the condition restricts nothing', () => {
    const [f] = assertFires(ID, stmt('s3:GetObject', { StringEqualsIfExists: { 'sagemaker:InstanceTypes': 'ml.m5.large' } }), {}, 1);
    assert.match(f.message, /restricts nothing/);
  });

  it('fires after expanding wildcards when none of the matched actions supports the key', () => {
    assertFires(ID, stmt('sagemaker:Describe*', { 'ForAllValues:StringLike': { 'sagemaker:InstanceTypes': 'ml.t3.*' } }), {}, 1);
  });

  it('clean when at least one action supports the key (own keys)', () => {
    assertClean(ID, stmt(['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob'], { 'ForAllValues:StringLike': { 'sagemaker:InstanceTypes': 'ml.m5.*' } }));
    assertClean(ID, stmt('iam:PassRole', { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } }));
  });

  it('clean when the key comes from the action\'s resource type (CreatePresignedDomainUrl + user-profile tags)', () => {
    assertClean(ID, stmt('sagemaker:CreatePresignedDomainUrl', { StringEquals: { 'sagemaker:ResourceTag/studiouserid': '${aws:PrincipalTag/studiouserid}' } }));
  });

  it('clean on wildcards that cover a supporting action, and on tag keys in a table\'s literal spelling', () => {
    assertClean(ID, stmt('sagemaker:Create*', { 'ForAllValues:StringLike': { 'sagemaker:InstanceTypes': 'ml.m5.*' } }));
    assertClean(ID, stmt('ssm:DeregisterManagedInstance', { StringEquals: { 'ssm:resourceTag/team': 'ml' } }));
  });

  it('clean on global keys, NotAction statements, unknown actions and intrinsics', () => {
    assertClean(ID, stmt('sagemaker:CreateTrainingJob', { StringEquals: { 'aws:SourceVpce': 'vpce-1', 'ec2:SourceInstanceArn': 'arn:aws:ec2:us-east-1:111122223333:instance/i-1' } }));
    assertClean(ID, policy({ Effect: 'Deny', NotAction: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'x' } } }));
    assertClean(ID, stmt(['sagemaker:CreateTrainingJob', 'sagemaker:NoSuchAction'], { StringEquals: { 'iam:PassedToService': 'x' } }));
    assertClean(ID, stmt(['sagemaker:CreateTrainingJob', { 'Fn::Sub': '${Service}:Get*' } as unknown as string], { StringEquals: { 'iam:PassedToService': 'x' } }));
  });
});
