import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'allow-not-action';

describe(ID, () => {
  it('fires on Allow with NotAction and underlines the NotAction key', () => {
    const doc = policy({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"NotAction"');
    assert.match(f.message, /everything except "iam:\*", "organizations:\*"/);
    assert.match(f.message, /AWS adds later/);
  });

  it('fires with a condition too (it still grants every other action)', () => {
    assertFires(ID, policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), {}, 1);
  });

  it('clean on Deny with NotAction and on Allow with Action', () => {
    assertClean(ID, policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  });
});
