import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, findingsOf, policy, spanOf } from '../helpers';

const ID = 'trust-missing-source-condition';
const trust = (principal: unknown, extra: object = {}) => policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });

describe(ID, () => {
  it('fires on a service principal without aws:SourceAccount/aws:SourceArn and underlines it', () => {
    const doc = trust({ Service: 'sagemaker.amazonaws.com' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker.amazonaws.com"');
    assert.match(f.message, /confused deputy/);
  });

  it('the fix adds StringEquals aws:SourceAccount with a placeholder that unreplaced-placeholder can flag', () => {
    const doc = trust({ Service: ['sagemaker.amazonaws.com', 'events.amazonaws.com'] }, { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.fixes[0].preferred, undefined, 'not applied by fix-all: the account must be typed in');
    const fixed = applyFix(doc, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.StringEquals, { 'sts:ExternalId': 'x', 'aws:SourceAccount': '<ACCOUNT_ID>' });
    assert.deepEqual(findingsOf(ID, fixed), []);
    // The placeholder is meant to be replaced: unreplaced-placeholder reminds the user.
    assert.equal(findingsOf('unreplaced-placeholder', fixed).length, 1);
  });

  it('fires in resource policies too, but offers no fix when other principal types share the statement', () => {
    const doc = policy({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com', AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:topic' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.fixes.length, 0);
  });

  it('clean with any of the source keys, or a Deny that tests them', () => {
    assertClean(ID, trust({ Service: 'sagemaker.amazonaws.com' }, { Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }));
    assertClean(ID, trust({ Service: 'sagemaker.amazonaws.com' }, { Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:*' } } }));
    assertClean(ID, trust({ Service: 'sagemaker.amazonaws.com' }, { Condition: { StringEquals: { 'aws:SourceOrgID': 'o-1' } } }));
    assertClean(ID, policy(
      { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:SourceAccount': '111122223333' } } },
    ));
  });

  it('clean on AWS/Federated principals, identity policies, invalid names and services known not to send the keys', () => {
    assertClean(ID, trust({ AWS: 'arn:aws:iam::111122223333:root' }));
    assertClean(ID, trust({ Service: ['ec2.amazonaws.com', 'eks.amazonaws.com', 'sagemaker'] }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  });
});
