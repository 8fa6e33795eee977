import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'public-principal';
const bucket = (principal: unknown, extra: object = {}) => policy({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });

describe(ID, () => {
  it('fires on "Principal": "*" without a condition and underlines the star', () => {
    const doc = bucket('*');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"*"');
    assert.match(f.message, /anonymous/);
  });

  it('fires on {"AWS": "*"} (also in a list) and in a trust policy', () => {
    assertFires(ID, bucket({ AWS: ['arn:aws:iam::111122223333:root', '*'] }), {}, 1);
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), {}, 1);
    assert.match(f.message, /assume this role/);
  });

  it('fires when the condition does not restrict who (IfExists, negated, unrelated keys)', () => {
    assertFires(ID, bucket('*', { Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }));
    assertFires(ID, bucket('*', { Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } }));
    assertFires(ID, bucket('*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
  });

  it('clean with a condition that restricts who', () => {
    assertClean(ID, bucket('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }));
    assertClean(ID, bucket({ AWS: '*' }, { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }));
    assertClean(ID, bucket('*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }));
  });

  it('clean on Deny, named principals, NotPrincipal and VPC endpoint policies', () => {
    assertClean(ID, policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    assertClean(ID, bucket({ AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' }));
    assertClean(ID, bucket('*'), { kind: 'endpoint' });
  });
});
