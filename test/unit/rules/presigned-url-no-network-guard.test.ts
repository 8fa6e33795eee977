import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'presigned-url-no-network-guard';
const owner = { StringEquals: { 'sagemaker:ResourceTag/studiouserid': '${aws:PrincipalTag/studiouserid}' } };
const presigned = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:DescribeUserProfile', 'sagemaker:CreatePresignedDomainUrl'], Resource: '*', Condition: owner, ...extra });

describe(ID, () => {
  it('fires on an owner-scoped presigned URL statement without a network condition, on the presigned entry', () => {
    const doc = policy(presigned());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreatePresignedDomainUrl"');
    assert.match(f.message, /aws:SourceVpce/);
  });

  it('fires on wildcards that cover presigned actions, once per statement', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:CreatePresigned*', Resource: '*' }), {}, 1);
    assert.match(f.message, /CreatePresignedDomainUrl/);
    assert.match(f.message, /CreatePresignedNotebookInstanceUrl/);
  });

  it('clean when GUARDED: the Allow has aws:SourceVpce, aws:SourceIp or aws:SourceVpc (any case)', () => {
    assertClean(ID, policy(presigned({ Condition: { ...owner, StringEquals: { ...owner.StringEquals, 'aws:sourceVpce': 'vpce-0123456789abcdef0' } } })));
    assertClean(ID, policy(presigned({ Condition: { ...owner, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })));
    assertClean(ID, policy(presigned({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })));
  });

  it('clean when DENIED: a separate Deny unless the request comes through the endpoint', () => {
    assertClean(ID, policy(presigned(), { Effect: 'Deny', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } } }));
    assertClean(ID, policy(presigned(), { Effect: 'Deny', Action: 'sagemaker:*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
  });

  it('clean: a Deny statement itself never fires, nor do statements that never grant the action', () => {
    assertClean(ID, policy({ ...presigned(), Effect: 'Deny' }));
    // A condition on request tags: a presigned URL request carries none.
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } } }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: 'arn:aws:sagemaker:*:*:training-job/*' }));
  });
});
