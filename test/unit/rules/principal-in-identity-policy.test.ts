import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'principal-in-identity-policy';
const bucketStatement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

describe(ID, () => {
  it('fires on Principal in a document set to identity, underlining the key', () => {
    const doc = policy(bucketStatement);
    const [f] = assertFires(ID, doc, { kind: 'identity' }, 1);
    assert.equal(spanOf(doc, f), '"Principal"');
    assert.match(f.message, /"Principal" is not allowed in an identity policy/);
  });

  it('fires on Principal and NotPrincipal in boundary and SCP documents', () => {
    const doc = policy(bucketStatement, { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' });
    const [boundary] = assertFires(ID, doc, { kind: 'boundary' }, 2);
    assert.match(boundary.message, /in a permissions boundary/);
    const found = assertFires(ID, doc, { kind: 'scp' }, 2);
    assert.match(found[1].message, /"NotPrincipal" is not allowed in a service control policy \(SCP\)/);
  });

  it('clean when the kind is detected from the content: a Principal makes it a resource or trust policy', () => {
    assertClean(ID, policy(bucketStatement));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  });

  it('clean for resource, trust and endpoint kinds, and for fragments', () => {
    for (const kind of ['resource', 'trust', 'endpoint', 'fragment'] as const) assertClean(ID, policy(bucketStatement), { kind });
    assertClean(ID, [bucketStatement]);
  });

  it('clean on an identity policy without Principal', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), { kind: 'identity' });
  });
});
