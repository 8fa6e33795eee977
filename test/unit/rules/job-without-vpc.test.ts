import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'job-without-vpc';
const jobs = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:DescribeTrainingJob', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on create actions that accept a VPC config (the enterprise guide\'s notebook execution role), once per statement', () => {
    const doc = policy(jobs());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateTrainingJob"');
    assert.match(f.message, /CreateProcessingJob and CreateTrainingJob/);
    assert.match(f.message, /sagemaker:VpcSubnets/);
  });

  it('fires on wildcards, even with unrelated conditions (the Studio ABAC Create* statement)', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } } }), {}, 1);
    assert.match(f.message, / more /);
  });

  it('clean when GUARDED: the Allow conditions on sagemaker:VpcSubnets or sagemaker:VpcSecurityGroupIds', () => {
    assertClean(ID, policy(jobs({ Condition: { Null: { 'sagemaker:VpcSubnets': 'false' } } })));
    assertClean(ID, policy(jobs({ Condition: { 'ForAllValues:StringEquals': { 'sagemaker:vpcsecuritygroupids': ['sg-0123456789abcdef0'] } } })));
  });

  it('clean when DENIED: a separate Deny without subnets (Null "true") or outside the approved ones (negated operator)', () => {
    assertClean(ID, policy(jobs(), { Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } } }));
    assertClean(ID, policy(jobs(), { Effect: 'Deny', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob'], Resource: '*', Condition: { 'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': ['subnet-1'] } } }));
  });

  it('still fires for the actions a Deny leaves out', () => {
    const [f] = assertFires(ID, policy(jobs(), { Effect: 'Deny', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } } }), {}, 1);
    assert.doesNotMatch(f.message, /CreateTrainingJob/);
    assert.match(f.message, /CreateProcessingJob/);
  });

  it('clean: a Deny statement itself never fires; "*" and full sagemaker:* are left to other rules; domains are out of scope', () => {
    assertClean(ID, policy({ ...jobs(), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: '*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:CreateDomain', 'sagemaker:CreatePipeline'], Resource: '*' }));
  });
});
