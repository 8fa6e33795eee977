import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'unknown-condition-operator';
const withCondition = (condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', Condition: condition });

describe(ID, () => {
  it('fires on a misspelled operator, underlines it and suggests the closest one', () => {
    const doc = withCondition({ StringEqual: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"StringEqual"');
    assert.match(f.message, /"StringEquals"/);
    const fixed = JSON.parse(applyFix(doc, f));
    assert.deepEqual(fixed.Statement[0].Condition, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
  });

  it('fires on wrong case (operators are case-sensitive) with a preferred case fix', () => {
    const fixed = assertFixResolves(ID, withCondition({ stringequals: { 'aws:SourceVpce': 'vpce-1' } }));
    assert.ok(JSON.parse(fixed).Statement[0].Condition.StringEquals);
    const fixedIp = assertFixResolves(ID, withCondition({ IPAddress: { 'aws:SourceIp': '203.0.113.0/24' } }));
    assert.ok(JSON.parse(fixedIp).Statement[0].Condition.IpAddress);
  });

  it('fires on a misspelled set operator or IfExists suffix', () => {
    const [set] = assertFires(ID, withCondition({ 'ForAllValue:StringLike': { 'aws:TagKeys': 'team' } }), {}, 1);
    assert.equal(set.fixes[0].title, 'Change ForAllValue:StringLike to ForAllValues:StringLike');
    const [ifx] = assertFires(ID, withCondition({ StringEqualsIfExist: { 'aws:SourceVpce': 'vpce-1' } }), {}, 1);
    assert.match(ifx.message, /StringEqualsIfExists/);
  });

  it('fires on a condition key written where the operator belongs', () => {
    const [f] = assertFires(ID, withCondition({ 'aws:SourceIp': '203.0.113.0/24' }), {}, 1);
    assert.match(f.message, /condition key/);
    assert.equal(f.fixes.length, 0);
  });

  it('offers no rename that would duplicate an existing operator block', () => {
    const doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"},"stringequals":{"aws:SourceVpc":"vpc-1"}}}]}`;
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.fixes.length, 0);
    assert.match(f.message, /merge/);
  });

  it('clean on every valid form: base, IfExists, ForAllValues:/ForAnyValue:, Null', () => {
    assertClean(ID, withCondition({
      StringEquals: { 'aws:SourceVpce': 'vpce-1' },
      StringNotLikeIfExists: { 'aws:userid': 'AIDA*' },
      'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' },
      'ForAllValues:ArnLikeIfExists': { 'aws:CalledVia': 'x' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
      DateGreaterThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' },
      BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' },
      NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
      BinaryEquals: { 'aws:x': 'QmluYXJ5' },
      Null: { 'aws:TagKeys': 'false' },
    }));
  });

  it('clean on NullIfExists and ForAllValues:Null (null-with-ifexists reports those)', () => {
    assertClean(ID, withCondition({ NullIfExists: { 'aws:TagKeys': 'false' }, 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } }));
  });
});
