import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'privilege-escalation';
const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

describe(ID, () => {
  it('fires on policy-writing IAM actions on * and underlines the action', () => {
    const doc = policy(allow(['iam:GetRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"iam:PutRolePolicy"');
    assert.match(f.message, /iam:PutRolePolicy and iam:AttachRolePolicy/);
    assert.match(f.message, /administrator/);
  });

  it('fires through wildcards (iam:*, iam:Create*) and on every role (role/*)', () => {
    assertFires(ID, policy(allow('iam:*')), {}, 1);
    assertFires(ID, policy(allow('iam:CreatePolicyVersion', 'arn:aws:iam::*:policy/*')), {}, 1);
    assertFires(ID, policy(allow('iam:UpdateAssumeRolePolicy', 'arn:aws:iam::111122223333:role/*')), {}, 1);
  });

  it('fires on sts:AssumeRole and iam:CreateAccessKey on *', () => {
    const [f] = assertFires(ID, policy(allow(['sts:AssumeRole', 'iam:CreateAccessKey'])), {}, 1);
    assert.match(f.message, /take over/);
  });

  it('fires on iam:PassRole on every role together with a compute create action', () => {
    const doc = policy(allow('iam:PassRole'), allow('sagemaker:CreateTrainingJob'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"iam:PassRole"');
    assert.match(f.message, /sagemaker:CreateTrainingJob/);
  });

  it('clean when scoped, conditioned, denied outright, or a Deny', () => {
    assertClean(ID, policy(allow('iam:PutRolePolicy', 'arn:aws:iam::111122223333:role/team-*')));
    assertClean(ID, policy(allow('iam:AttachRolePolicy', '*', { Condition: { ArnEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::111122223333:policy/Boundary' } } })));
    assertClean(ID, policy(allow('iam:PutRolePolicy'), { Effect: 'Deny', Action: 'iam:Put*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }));
  });

  it('clean on PassRole without a compute action, PassRole to named roles, and "*" (full-wildcard-action reports that)', () => {
    assertClean(ID, policy(allow('iam:PassRole'), allow('s3:GetObject', 'arn:aws:s3:::bucket/*')));
    assertClean(ID, policy(allow('iam:PassRole', 'arn:aws:iam::111122223333:role/SageMakerExecutionRole'), allow('sagemaker:CreateTrainingJob')));
    assertClean(ID, policy(allow('*')));
  });

  it('clean in resource, trust and endpoint policies', () => {
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }));
  });
});
