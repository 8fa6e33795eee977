import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'passed-to-service-invalid';
const passRole = (operator: string, value: string | string[], effect = 'Allow') => ({
  Effect: effect,
  Action: 'iam:PassRole',
  Resource: 'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
  Condition: { [operator]: { 'iam:PassedToService': value } },
});

describe(ID, () => {
  it('fires on "sagemaker" (no domain), on the value', () => {
    const doc = policy(passRole('StringEquals', 'sagemaker'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker"');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /sagemaker\.amazonaws\.com/);
  });

  it('fires on sagemaker.amazon.com, wrong case, and in Deny statements', () => {
    assertFires(ID, policy(passRole('StringEquals', ['sagemaker.amazon.com', 'events.amazonaws.com'])), {}, 1);
    assertFires(ID, policy(passRole('StringEquals', 'SageMaker.amazonaws.com')), {}, 1);
    assertFires(ID, policy(passRole('StringNotEquals', 'sagemaker', 'Deny')), {}, 1);
  });

  it('fix writes sagemaker.amazonaws.com and the rule no longer fires', () => {
    for (const bad of ['sagemaker', 'sagemaker.amazon.com', 'SageMaker.amazonaws.com']) {
      const fixed = assertFixResolves(ID, policy(passRole('StringEquals', bad)));
      assert.equal(JSON.parse(fixed).Statement[0].Condition.StringEquals['iam:PassedToService'], 'sagemaker.amazonaws.com');
    }
  });

  it('offers the matching service for other services, and no fix for values that name none', () => {
    const fixed = assertFixResolves(ID, policy(passRole('StringEquals', 'events')));
    assert.equal(JSON.parse(fixed).Statement[0].Condition.StringEquals['iam:PassedToService'], 'events.amazonaws.com');
    const [f] = assertFires(ID, policy(passRole('StringEquals', 'arn:aws:iam::111122223333:role/x')), {}, 1);
    assert.equal(f.fixes.length, 0);
  });

  it('clean on service principals (the notebook jobs page: sagemaker and events), patterns and ignore-case operators', () => {
    assertClean(ID, policy(passRole('StringLike', ['sagemaker.amazonaws.com', 'events.amazonaws.com'])));
    assertClean(ID, policy(passRole('StringLike', 'sagemaker.*')));
    assertClean(ID, policy(passRole('StringEqualsIgnoreCase', 'SageMaker.AmazonAWS.com')));
    assertClean(ID, policy(passRole('StringEquals', 'alexa-appkit.amazon.com')));
  });

  it('clean on other keys and on policy variables', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:AssociatedResourceArn': 'sagemaker' } } }));
    assertClean(ID, policy(passRole('StringEquals', '${aws:PrincipalTag/service}')));
  });
});
