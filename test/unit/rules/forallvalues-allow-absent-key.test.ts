import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'forallvalues-allow-absent-key';
const stmt = (condition: object, effect = 'Allow', action: string | string[] = 'sagemaker:CreateTrainingJob') => policy({ Effect: effect, Action: action, Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on ForAllValues: in an Allow and underlines the key', () => {
    const doc = stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"aws:TagKeys"');
    assert.match(f.message, /no "aws:TagKeys" at all/);
  });

  it('fires with a negated operator too; the fix adds Null key = false and the rule no longer fires', () => {
    const fixed = assertFixResolves(ID, stmt({ 'ForAllValues:StringNotLike': { 'sagemaker:InstanceTypes': 'ml.p4d.*' } }));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.Null, { 'sagemaker:InstanceTypes': 'false' });
  });

  it('the fix merges into an existing Null block, on one-line policies too', () => {
    const doc = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"team"},"Null":{"aws:RequestTag/owner":"true"}}}]}';
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.Null, { 'aws:RequestTag/owner': 'true', 'aws:TagKeys': 'false' });
  });

  it('fires on ec2:DeleteTags, whose request may carry no tags at all', () => {
    assertFires(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, 'Allow', ['ec2:CreateTags', 'ec2:DeleteTags']), {}, 1);
  });

  it('clean when another condition requires the key (Null false, ForAnyValue, aws:RequestTag/...)', () => {
    assertClean(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' }, Null: { 'aws:TagKeys': 'false' } }));
    assertClean(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] }, 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }));
    assertClean(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' }, StringEquals: { 'aws:RequestTag/team': 'ml' } }));
  });

  it('clean on tagging APIs whose request always names tags, and kms:CreateGrant with kms:GrantOperations', () => {
    assertClean(ID, stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, 'Allow', ['sagemaker:AddTags', 'ec2:CreateTags']));
    assertClean(ID, stmt({ 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt', 'Encrypt'] } }, 'Allow', 'kms:CreateGrant'));
  });

  it('clean in Deny statements and with ForAnyValue:', () => {
    assertClean(ID, stmt({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': 'team' } }, 'Deny'));
    assertClean(ID, stmt({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }));
  });
});
