import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, findingsOf, policy, spanOf } from '../helpers';

const ID = 'empty-value';
const statement = (extra: object = {}) => ({ Effect: 'Allow', Action: 'sagemaker:DescribeDomain', Resource: '*', ...extra });

describe(ID, () => {
  it('fires on an empty Sid, underlines the value, and the fix removes the Sid', () => {
    const doc = policy(statement({ Sid: '' }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '""');
    assert.equal(f.severity, 'info');
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0], statement());
  });

  it('fires on an empty Condition object and an empty top-level Id, each removable', () => {
    assert.deepEqual(JSON.parse(assertFixResolves(ID, policy(statement({ Condition: {} })))).Statement[0], statement());
    const doc = { Version: '2012-10-17', Id: '', Statement: [statement()] };
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)), { Version: '2012-10-17', Statement: [statement()] });
  });

  it('fires on an empty Action: the statement matches nothing, and the fix removes the whole statement', () => {
    const doc = policy(statement({ Sid: 'Nothing', Action: [] }), statement({ Sid: 'Describe' }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '[]');
    assert.match(f.message, /the statement matches nothing/);
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement, [statement({ Sid: 'Describe' })]);
    assert.deepEqual(findingsOf('missing-element', JSON.stringify(fixed)), []);
  });

  it('fires on an empty Resource or Principal in the only statement, without a fix (removing it would leave an invalid policy)', () => {
    assert.equal(assertFires(ID, policy(statement({ Resource: '' })), {}, 1)[0].fixes.length, 0);
    assert.equal(assertFires(ID, policy(statement({ Principal: {} })), { kind: 'resource' }, 1)[0].fixes.length, 0);
    assert.equal(assertFires(ID, statement({ Action: [] }), {}, 1)[0].fixes.length, 0);
  });

  it('fires on an empty Action next to a NotAction: removing just the Action is valid', () => {
    const doc = policy(statement({ Action: [], NotAction: 'iam:*' }));
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0], { Effect: 'Allow', Resource: '*', NotAction: 'iam:*' });
  });

  it('fires on an empty condition key value; with other keys, the fix removes only that key', () => {
    const doc = policy(statement({ Condition: { StringEquals: { 'aws:SourceVpce': [], 'aws:RequestedRegion': 'us-east-1' } } }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '[]');
    assert.match(f.message, /condition key "aws:SourceVpce"/);
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition, { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } });
  });

  it('fires on the only key of an operator: the fix removes the operator too, or the whole Condition, leaving nothing empty', () => {
    const withOther = policy(statement({ Condition: { StringEquals: { 'aws:SourceVpce': '' }, Bool: { 'aws:SecureTransport': 'true' } } }));
    assert.deepEqual(JSON.parse(assertFixResolves(ID, withOther)).Statement[0].Condition, { Bool: { 'aws:SecureTransport': 'true' } });
    const alone = policy(statement({ Condition: { StringEquals: { 'aws:SourceVpce': [] } } }));
    const [f] = assertFires(ID, alone, {}, 1);
    assert.equal(f.fixes[0].title, 'Remove "aws:SourceVpce" and the "Condition" it leaves empty');
    assert.deepEqual(JSON.parse(applyFix(alone, f)).Statement[0], statement());
  });

  it('fires on an empty operator block; the fix removes it (or the Condition when it was the only one)', () => {
    const doc = policy(statement({ Condition: { StringLike: {}, Bool: { 'aws:SecureTransport': 'true' } } }));
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Condition, { Bool: { 'aws:SecureTransport': 'true' } });
    assert.deepEqual(JSON.parse(assertFixResolves(ID, policy(statement({ Condition: { StringLike: {} } })))).Statement[0], statement());
  });

  it('fires without a fix on an empty value under ForAnyValue:, ForAllValues: or ...IfExists, where removing it would change what matches', () => {
    for (const operator of ['ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'StringEqualsIfExists']) {
      const [f] = assertFires(ID, policy(statement({ Condition: { [operator]: { 'aws:TagKeys': [] } } })), {}, 1);
      assert.equal(f.fixes.length, 0, operator);
      assert.match(f.message, new RegExp(`under ${operator}`));
    }
  });

  it('clean: an empty Effect is left to invalid-effect (reported once, as an error)', () => {
    const doc = policy(statement({ Effect: '' }));
    assertClean(ID, doc);
    assert.equal(findingsOf('invalid-effect', doc).length, 1);
  });

  it('clean: filled-in values, zero and false are not empty', () => {
    assertClean(ID, policy(statement({ Sid: 'A', Condition: { NumericEquals: { 's3:max-keys': 0 }, Bool: { 'aws:SecureTransport': false } } })));
  });
});
