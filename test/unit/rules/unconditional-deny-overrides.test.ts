import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'unconditional-deny-overrides';
const conditionalAllow = { Sid: 'AllowFromVpce', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } };

describe(ID, () => {
  it('fires on a conditional Allow fully covered by an unconditional Deny and underlines its Effect', () => {
    const doc = policy(conditionalAllow, { Sid: 'DenyS3', Effect: 'Deny', Action: 's3:*', Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"Allow"');
    assert.match(f.message, /"DenyS3"/);
    assert.match(f.message, /does not carve out an exception/);
  });

  it('fires when the Deny covers through NotAction or a matching resource pattern', () => {
    assertFires(ID, policy(conditionalAllow, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), {}, 1);
    assertFires(ID, policy(conditionalAllow, { Effect: 'Deny', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::bucket/*' }), {}, 1);
    assertFires(ID, policy({ ...conditionalAllow, Action: 's3:Get*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*' }), {}, 1);
  });

  it('clean when the Deny has a condition, leaves some action or resource out, or names another principal', () => {
    assertClean(ID, policy(conditionalAllow, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }));
    assertClean(ID, policy(conditionalAllow, { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }));
    assertClean(ID, policy(conditionalAllow, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::other-bucket/*' }));
    assertClean(ID, policy(conditionalAllow, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }));
    assertClean(ID, policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/A' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
      { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:role/B' }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' },
    ));
  });

  it('clean when it cannot decide: NotResource Deny, unknown actions, intrinsics', () => {
    assertClean(ID, policy(conditionalAllow, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::other/*' }));
    assertClean(ID, policy({ ...conditionalAllow, Action: 'nosuchservice:Get*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }));
  });
});
