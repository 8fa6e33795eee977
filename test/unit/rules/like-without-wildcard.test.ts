import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'like-without-wildcard';
const statement = (condition: object) => ({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on StringLike without * or ?, underlines the operator, and the fix renames it to StringEquals', () => {
    const doc = policy(statement({ StringLike: { 'sagemaker:InstanceTypes': ['ml.m5.xlarge', 'ml.c5.xlarge'] } }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"StringLike"');
    assert.equal(f.severity, 'hint');
    assert.match(f.message, /like StringEquals/);
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0].Condition, { StringEquals: { 'sagemaker:InstanceTypes': ['ml.m5.xlarge', 'ml.c5.xlarge'] } });
  });

  it('fires on ArnLike without wildcards; the fix writes ArnEquals', () => {
    const doc = policy(statement({ ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123' } }));
    assert.ok(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition.ArnEquals);
  });

  it('fires on negated, set and IfExists forms, keeping prefix and suffix', () => {
    const doc = policy(statement({ 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': ['team'] } }));
    assert.ok(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition['ForAnyValue:StringNotEqualsIfExists']);
  });

  it('fires on ${*} and ${?}: they stand for a literal * and ?, not for wildcards', () => {
    assertFires(ID, policy(statement({ StringLike: { 's3:prefix': 'home/${*}' } })), {}, 1);
  });

  it('fires without a fix when the statement already has the Equals operator (the rename would duplicate it)', () => {
    const doc = policy(statement({ StringLike: { 'aws:userid': 'AIDAEXAMPLE' }, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }));
    assert.equal(assertFires(ID, doc, {}, 1)[0].fixes.length, 0);
  });

  it('clean when any value of the block has a wildcard (all keys of the operator are considered)', () => {
    assertClean(ID, policy(statement({ StringLike: { 'aws:userid': 'AIDAEXAMPLE:*', 'aws:RequestedRegion': 'us-east-1' } })));
    assertClean(ID, policy(statement({ ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-?:111122223333:domain/*' } })));
  });

  it('clean on CloudFormation intrinsics (the value is unknown), on empty blocks and on Equals operators', () => {
    assertClean(ID, policy(statement({ StringLike: { 's3:prefix': [{ 'Fn::Sub': '${Prefix}' }] } })));
    assertClean(ID, policy(statement({ StringLike: {} })));
    assertClean(ID, policy(statement({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } })));
  });
});
