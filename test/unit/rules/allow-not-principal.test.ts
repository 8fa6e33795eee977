import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'allow-not-principal';

describe(ID, () => {
  it('fires on Allow with NotPrincipal and underlines the element name', () => {
    const doc = policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"NotPrincipal"');
    assert.match(f.message, /every principal except/);
  });

  it('clean on Deny with NotPrincipal and on Allow with Principal', () => {
    assertClean(ID, policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }));
  });
});
