import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'instance-type-pattern';
const withTypes = (operator: string, values: string | string[], effect = 'Allow') => ({
  Effect: effect,
  Action: 'sagemaker:CreateTrainingJob',
  Resource: '*',
  Condition: { [operator]: { 'sagemaker:InstanceTypes': values } },
});

describe(ID, () => {
  it('fires on a value without the ml. prefix, on that value', () => {
    const doc = policy(withTypes('ForAllValues:StringLike', ['ml.t3.*', 'm5.*']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"m5.*"');
    assert.match(f.message, /ml\.m5\.\*/);
  });

  it('fires once per bad value, in Deny statements too, and on case the operator does not ignore', () => {
    assertFires(ID, policy(withTypes('ForAllValues:StringEquals', ['p3.2xlarge', 'g4dn.xlarge'])), {}, 2);
    assertFires(ID, policy(withTypes('ForAnyValue:StringNotLike', ['p4d.*'], 'Deny')), {}, 1);
    assertFires(ID, policy(withTypes('ForAllValues:StringEquals', ['ML.m5.large'])), {}, 1);
  });

  it('fix prefixes ml. (and lower-cases a wrong-case prefix); the rule then no longer fires', () => {
    const doc = policy(withTypes('ForAllValues:StringLike', ['m5.*']));
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition['ForAllValues:StringLike']['sagemaker:InstanceTypes'], ['ml.m5.*']);
    const upper = policy(withTypes('ForAllValues:StringEquals', 'ML.m5.large'));
    const [f] = assertFires(ID, upper, {}, 1);
    assert.equal(JSON.parse(applyFix(upper, f)).Statement[0].Condition['ForAllValues:StringEquals']['sagemaker:InstanceTypes'], 'ml.m5.large');
  });

  it('clean on ml. values, wildcards that can match them, Studio\'s "system" instance and ignore-case operators', () => {
    assertClean(ID, policy(withTypes('ForAllValues:StringLike', ['ml.t3.*', 'ml.m5.large', '*', 'm?.*', 'system'])));
    assertClean(ID, policy(withTypes('ForAllValues:StringEqualsIgnoreCase', ['ML.M5.LARGE'])));
  });

  it('clean on other keys, policy variables and Null checks', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 'm5.large' } } }));
    assertClean(ID, policy(withTypes('ForAllValues:StringEquals', ['${aws:PrincipalTag/instance}'])));
    assertClean(ID, policy(withTypes('Null', 'false')));
  });
});
