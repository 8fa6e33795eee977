import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'service-wildcard';

describe(ID, () => {
  it('fires on sagemaker:* and says how many actions it grants', () => {
    const doc = policy({ Effect: 'Allow', Action: ['sagemaker:*'], Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:*"');
    assert.match(f.message, /allows all \d+ actions of Amazon SageMaker/);
    assert.match(f.message, /adds to it later/);
  });

  it('fires on any case of the prefix and in resource policies naming a role', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: 'S3:*', Resource: '*' }), {}, 1);
    assertFires(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/r' }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }), {}, 1);
  });

  it('clean on Deny, narrower wildcards, "*" and unknown services', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: ['s3:Get*', '*', 'nosuch:*', '*:*'], Resource: '*' }));
  });

  it('clean on the default KMS key policy statement (kms:* to the account root)', () => {
    assertClean(ID, policy({ Sid: 'EnableIAMUserPermissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'kms:*', Resource: '*' }));
  });

  it('clean in SCPs and boundaries', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), { kind: 'scp' });
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), { kind: 'boundary' });
  });
});
