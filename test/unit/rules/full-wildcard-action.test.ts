import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'full-wildcard-action';

describe(ID, () => {
  it('fires on Action "*" with Resource "*" and says administrator access', () => {
    const doc = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"*"');
    assert.match(f.message, /administrator access/);
  });

  it('fires on "*:*" and on "*" limited to some resources (then without "administrator access")', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: ['*:*'], Resource: '*' }), {}, 1);
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }), {}, 1);
    assert.doesNotMatch(f.message, /administrator access/);
  });

  it('fires in a resource policy, saying what the principal can do to the resource', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/r' }, Action: '*', Resource: 'arn:aws:s3:::bucket' }), {}, 1);
    assert.match(f.message, /this resource/);
  });

  it('clean on Deny, service wildcards and partial wildcards', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: '*', Resource: '*' }, { Effect: 'Allow', Action: ['s3:*', '*:Get*'], Resource: '*' }));
  });

  it('clean in SCPs, permissions boundaries and VPC endpoint policies, which only filter', () => {
    const doc = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    assertClean(ID, doc, { kind: 'scp' });
    assertClean(ID, doc, { kind: 'boundary' });
    assertClean(ID, doc, { kind: 'endpoint' });
  });
});
