import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'conflicting-elements';

describe(ID, () => {
  it('fires on Action with NotAction and underlines NotAction', () => {
    const doc = policy({ Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:DeleteObject', Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"NotAction"');
    assert.match(f.message, /"Action" and "NotAction" cannot both appear/);
  });

  it('fires on Resource with NotResource and on Principal with NotPrincipal, once per pair', () => {
    const doc = policy({ Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*', NotResource: 'arn:aws:s3:::bucket/*' });
    const found = assertFires(ID, doc, {}, 2);
    assert.deepEqual(found.map((f) => spanOf(doc, f)), ['"NotPrincipal"', '"NotResource"']);
  });

  it('fires in every statement that has a conflict, and in fragments', () => {
    const bad = { Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' };
    assertFires(ID, policy(bad, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, bad), {}, 2);
    assertFires(ID, [bad], {}, 1);
    assertFires(ID, bad, {}, 1);
  });

  it('clean with only one element of each pair', () => {
    assertClean(ID, policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::bucket/*' }));
    assertClean(ID, policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' }));
  });

  it('clean: a differently cased "notaction" is not read as NotAction (unknown-element reports it)', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', notaction: 's3:PutObject', Resource: '*' }));
  });
});
