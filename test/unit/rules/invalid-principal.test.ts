import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'invalid-principal';
const trust = (principal: unknown) => policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
const bucket = (principal: unknown) => policy({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });

describe(ID, () => {
  it('fires on an account that is not 12 digits (AccountX) and underlines the value', () => {
    const doc = bucket({ AWS: 'AccountX' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"AccountX"');
    assert.match(f.message, /12-digit account ID/);
    assertFires(ID, bucket({ AWS: 'arn:aws:iam::AccountX:root' }), {}, 1);
    const [short] = assertFires(ID, bucket({ AWS: '12345678901' }), {}, 1);
    assert.match(short.message, /11 digits/);
  });

  it('fires on a service name instead of a service principal; the fix writes the full name', () => {
    const doc = trust({ Service: 'sagemaker' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker"');
    const fixed = assertFixResolves(ID, doc);
    assert.equal(JSON.parse(fixed).Statement[0].Principal.Service, 'sagemaker.amazonaws.com');
    const fixedCom = assertFixResolves(ID, trust({ Service: ['sagemaker.amazon.com'] }));
    assert.deepEqual(JSON.parse(fixedCom).Statement[0].Principal.Service, ['sagemaker.amazonaws.com']);
  });

  it('fires on an unknown principal type key, with a rename fix to the known type', () => {
    const doc = trust({ Services: 'sagemaker.amazonaws.com' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"Services"');
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Principal, { Service: 'sagemaker.amazonaws.com' });
    assertFires(ID, trust({ aws: '111122223333' }), {}, 1);
  });

  it('fires on wildcards inside an ARN, "Service": "*", bad federated and canonical-user values', () => {
    const [wild] = assertFires(ID, bucket({ AWS: 'arn:aws:iam::111122223333:role/*' }), {}, 1);
    assert.match(wild.message, /wildcard/);
    assertFires(ID, trust({ Service: '*' }), {}, 1);
    assertFires(ID, policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:role/NotAProvider' }, Action: 'sts:AssumeRoleWithWebIdentity' }), {}, 1);
    assertFires(ID, bucket({ CanonicalUser: 'abc123' }), {}, 1);
  });

  it('fires on a Principal string other than "*" and offers to wrap it by type', () => {
    const doc = bucket('111122223333');
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Principal, { AWS: '111122223333' });
  });

  it('clean on the accepted forms', () => {
    assertClean(ID, bucket('*'));
    assertClean(ID, bucket({ AWS: ['*', '111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/service-role/SageMakerRole', 'arn:aws:sts::111122223333:assumed-role/Admin/jane', 'arn:aws-cn:iam::111122223333:user/ops', 'AROA1234567890EXAMPLE', 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL'] }));
    assertClean(ID, trust({ Service: ['sagemaker.amazonaws.com', 'logs.us-east-1.amazonaws.com', 'states.amazonaws.com.cn', 'alexa-appkit.amazon.com'] }));
    for (const provider of ['cognito-identity.amazonaws.com', 'www.amazon.com', 'accounts.google.com', 'graph.facebook.com', 'arn:aws:iam::111122223333:saml-provider/Okta', 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE']) {
      assertClean(ID, policy({ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity' }));
    }
    assertClean(ID, bucket({ CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }));
  });

  it('clean on intrinsics and policy variables (the data cannot decide)', () => {
    assertClean(ID, bucket({ AWS: [{ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' }, { Ref: 'TrustedAccount' }] }));
  });
});
