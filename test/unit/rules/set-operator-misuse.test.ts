import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'set-operator-misuse';
const stmt = (condition: object, effect = 'Allow') => policy({ Effect: effect, Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on a multivalued key without a set operator and underlines the key', () => {
    const doc = stmt({ StringEquals: { 'sagemaker:InstanceTypes': 'ml.m5.large' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:InstanceTypes"');
    assert.match(f.message, /multivalued/);
    assert.match(f.message, /ForAnyValue:StringEquals/);
    assertFires(ID, stmt({ StringLike: { 'aws:TagKeys': 'team' } }), {}, 1);
  });

  it('fires on ForAllValues:/ForAnyValue: on a single-valued key', () => {
    const [all] = assertFires(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:RequestedRegion': 'us-east-1' } }), {}, 1);
    assert.match(all.message, /single-valued/);
    assert.match(all.message, /Use StringEquals/);
    assertFires(ID, stmt({ 'ForAnyValue:StringLike': { 'sagemaker:ResourceTag/team': 'ml*' } }), {}, 1);
  });

  it('clean on the right pairings, Null on any key, and unknown keys', () => {
    assertClean(ID, stmt({
      'ForAllValues:StringLike': { 'sagemaker:InstanceTypes': 'ml.m5.*' },
      'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
      StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:RequestTag/team': 'ml' },
      Null: { 'aws:TagKeys': 'false', 'aws:SourceVpce': 'true' },
      'ForAnyValue:StringNotLike': { 'nosuchservice:Things': 'x' },
    }));
  });
});
