import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'wildcard-without-like';
const statement = (condition: object) => ({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on * in a StringEquals value, underlines the value, and the fix renames the operator to StringLike', () => {
    const doc = policy(statement({ StringEquals: { 'sagemaker:InstanceTypes': ['ml.m5.*', 'ml.c5.xlarge'] } }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"ml.m5.*"');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /compares literally/);
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0].Condition, { StringLike: { 'sagemaker:InstanceTypes': ['ml.m5.*', 'ml.c5.xlarge'] } });
  });

  it('fires once per value with * or ?, across keys of the block', () => {
    const doc = policy(statement({ StringEquals: { 's3:prefix': 'home/*', 'aws:PrincipalTag/team': 'ml-?' } }));
    assertFires(ID, doc, {}, 2);
  });

  it('fires on negated, set and IfExists forms; the fix keeps prefix and suffix', () => {
    const doc = policy(statement({ 'ForAllValues:StringNotEqualsIfExists': { 'aws:TagKeys': ['tmp-*'] } }));
    assert.ok(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition['ForAllValues:StringNotLikeIfExists']);
  });

  it('fires on ArnEquals with a wildcard, saying IAM treats it like ArnLike; the fix writes ArnLike', () => {
    const doc = policy(statement({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:domain/*' } }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /IAM evaluates ArnEquals like ArnLike/);
    assert.ok(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition.ArnLike);
  });

  it('fires without a fix when the statement already has the Like operator (the rename would duplicate it)', () => {
    const doc = policy(statement({ StringEquals: { 's3:prefix': 'home/*' }, StringLike: { 'aws:userid': 'AIDA*' } }));
    assert.equal(assertFires(ID, doc, {}, 1)[0].fixes.length, 0);
  });

  it('clean: ${*} and ${?} stand for a literal * and ?, which StringEquals matches as intended', () => {
    assertClean(ID, policy(statement({ StringEquals: { 's3:prefix': '${aws:username}/${*}' } })));
  });

  it('clean on Like operators, values without wildcards, and operators outside String/Arn Equals', () => {
    assertClean(ID, policy(statement({ StringLike: { 's3:prefix': 'home/*' } })));
    assertClean(ID, policy(statement({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } })));
    assertClean(ID, policy(statement({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'ml*' }, NumericEquals: { 's3:max-keys': '10' } })));
  });
});
