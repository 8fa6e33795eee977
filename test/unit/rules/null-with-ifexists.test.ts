import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'null-with-ifexists';
const stmt = (condition: object) => policy({ Effect: 'Deny', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on NullIfExists, underlines the operator, and the fix renames it to Null', () => {
    const doc = stmt({ NullIfExists: { 'sagemaker:VolumeKmsKeyArn': 'true' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"NullIfExists"');
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { Null: { 'sagemaker:VolumeKmsKeyArn': 'true' } });
  });

  it('fires on Null with a set operator', () => {
    const [f] = assertFires(ID, stmt({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } }), {}, 1);
    assert.match(f.message, /set operator ForAllValues:/);
    assertFires(ID, stmt({ 'ForAnyValue:NullIfExists': { 'aws:TagKeys': 'false' } }), {}, 1);
  });

  it('offers no rename when a Null block already exists', () => {
    const [f] = assertFires(ID, stmt({ Null: { 'aws:TagKeys': 'false' }, NullIfExists: { 'sagemaker:VolumeKmsKeyArn': 'true' } }), {}, 1);
    assert.equal(f.fixes.length, 0);
  });

  it('clean on plain Null and on IfExists with other operators', () => {
    assertClean(ID, stmt({ Null: { 'sagemaker:VolumeKmsKeyArn': 'true' }, StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } }));
  });
});
