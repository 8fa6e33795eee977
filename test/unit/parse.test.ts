import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { parsePolicy } from '../../server/src/engine/parse/parse';

const valid = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2);

describe('parsePolicy on broken input', () => {
  it('keeps offsets of keys and values', () => {
    const doc = parsePolicy(valid);
    const action = doc.statements[0].actions[0];
    assert.equal(valid.slice(action.node.offset, action.node.offset + action.node.length), '"s3:GetObject"');
    const key = doc.statements[0].element('Effect')!.keyNode;
    assert.equal(valid.slice(key.offset, key.offset + key.length), '"Effect"');
  });

  it('still builds statements around a missing comma, and lints the rest', () => {
    const text = valid.replace('"Effect": "Allow",', '"Effect": "Allow"');
    const doc = parsePolicy(text);
    assert.equal(doc.kind, 'identity');
    assert.equal(doc.statements[0].effect, 'Allow');
    assert.equal(doc.statements[0].actions[0].text, 's3:GetObject');
    assert.ok(doc.parseErrors.length > 0);
    const ids = lint(text).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('json-syntax'));
  });

  it('survives an unclosed document, a truncated string and binary junk', () => {
    for (const text of [valid.slice(0, valid.length / 2), valid.slice(0, 60) + '\u0000\u0001\uffff', '\u0000\u0007\u00ff garbage', '', '   ', '[', '{', '"', 'null', '42']) {
      assert.doesNotThrow(() => lint(text));
      for (const f of lint(text).findings) assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `range out of document for ${JSON.stringify(text)}`);
    }
  });

  it('keeps offsets of the original text when it starts with a BOM', () => {
    const text = '\ufeff' + valid;
    const doc = parsePolicy(text);
    const action = doc.statements[0].actions[0];
    assert.equal(text.slice(action.node.offset, action.node.offset + action.node.length), '"s3:GetObject"');
  });

  it('handles deep nesting without exhausting the stack', () => {
    const deep = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100000) + '}]}';
    assert.deepEqual(lint(deep), { kind: null, findings: [] });
    const nested = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a'] } } }] });
    assert.equal(lint(nested).kind, 'identity');
  });

  it('treats CloudFormation intrinsics as unknown values', () => {
    const doc = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' } }] }));
    assert.equal(doc.statements[0].resources.length, 1);
    assert.equal(doc.statements[0].resources[0].text, undefined);
    assert.equal(doc.statements[0].resources[0].intrinsic, true);
  });

  it('reads condition blocks with keys and stringified values', () => {
    const doc = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false }, StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } } }] }));
    const [bool, str] = doc.statements[0].conditions;
    assert.equal(bool.operator, 'Bool');
    assert.deepEqual(bool.entries[0].values.map((v) => v.text), ['false']);
    assert.deepEqual(str.entries[0].values.map((v) => v.text), ['a', 'b']);
  });
});
