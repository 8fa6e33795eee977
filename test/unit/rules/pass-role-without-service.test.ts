import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'pass-role-without-service';
const passRole = (extra: object = {}) => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/SageMakerRole', ...extra });

describe(ID, () => {
  it('fires on iam:PassRole without iam:PassedToService and underlines the action', () => {
    const doc = policy(passRole());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"iam:PassRole"');
    assert.match(f.message, /iam:PassedToService/);
  });

  it('fires on a wildcard that covers PassRole (iam:Pass*), in any case', () => {
    assertFires(ID, policy({ ...passRole(), Action: ['IAM:pass*'] }));
  });

  it('clean with the condition (any operator, key in any case)', () => {
    assertClean(ID, policy(passRole({ Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } })));
    assertClean(ID, policy(passRole({ Condition: { StringLike: { 'IAM:passedtoservice': 'sagemaker.*' } } })));
  });

  it('clean when a Deny statement guards PassRole with the key', () => {
    assertClean(ID, policy(passRole(), { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition: { StringNotEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } }));
  });

  it('clean on Deny statements and on other actions', () => {
    assertClean(ID, policy({ ...passRole(), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }));
  });

  it('fix adds the condition and the rule no longer fires', () => {
    const fixed = assertFixResolves(ID, policy(passRole()));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
  });

  it('fix merges into an existing StringEquals block', () => {
    const fixed = assertFixResolves(ID, policy(passRole({ Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } })));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.StringEquals, { 'aws:RequestedRegion': 'us-east-1', 'iam:PassedToService': 'sagemaker.amazonaws.com' });
  });

  it('offers no fix when the statement grants other actions too', () => {
    const [f] = assertFires(ID, policy({ ...passRole(), Action: ['iam:PassRole', 'sagemaker:CreateTrainingJob'] }));
    assert.equal(f.fixes.length, 0);
  });
});
