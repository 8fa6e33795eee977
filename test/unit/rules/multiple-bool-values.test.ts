import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'multiple-bool-values';
const stmt = (condition: object) => policy({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on Bool with two values and underlines the array', () => {
    const doc = stmt({ Bool: { 'sagemaker:NetworkIsolation': ['true', 'false'] } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.deepEqual(JSON.parse(spanOf(doc, f)), ['true', 'false']);
    assert.match(f.message, /every request that carries the key/);
  });

  it('fires on Null and BoolIfExists with several values', () => {
    const [f] = assertFires(ID, stmt({ Null: { 'aws:TagKeys': ['true', 'false'] } }), {}, 1);
    assert.match(f.message, /whether the key is there or not/);
    assertFires(ID, stmt({ BoolIfExists: { 'aws:MultiFactorAuthPresent': ['true', 'true'] } }), {}, 1);
  });

  it('clean on one value (also as a one-element array) and on other operators', () => {
    assertClean(ID, stmt({ Bool: { 'sagemaker:NetworkIsolation': 'true', 'aws:SecureTransport': ['true'] }, Null: { 'aws:TagKeys': 'false' }, StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }));
  });
});
