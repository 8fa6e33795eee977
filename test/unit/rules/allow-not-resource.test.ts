import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'allow-not-resource';

describe(ID, () => {
  it('fires on Allow with NotResource and underlines the NotResource key', () => {
    const doc = policy({ Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::secret', 'arn:aws:s3:::secret/*'] });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"NotResource"');
    assert.match(f.message, /every resource except "arn:aws:s3:::secret"/);
  });

  it('clean on Deny with NotResource and on Allow with Resource', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
  });
});
