import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { assertClean, assertFires, spanOf } from '../helpers';

const ID = 'duplicate-key';
const STATEMENT = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}';

describe(ID, () => {
  it('fires on the same key twice in a statement and underlines the second one', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*"}]}';
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), '"Action"');
    assert.equal(f.offset, text.lastIndexOf('"Action"'));
    assert.match(f.message, /"Action" appears twice/);
  });

  it('fires on a key repeated in a different case (Statement and statement)', () => {
    const text = `{"Version":"2012-10-17","Statement":[${STATEMENT}],"statement":[]}`;
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), '"statement"');
    assert.match(f.message, /"statement" repeats "Statement" in a different case/);
  });

  it('fires inside a Condition: an operator twice and a condition key twice in different case', () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
      "StringEquals":{"aws:SourceVpce":"vpce-1","AWS:sourcevpce":"vpce-2"},
      "StringEquals":{"aws:PrincipalTag/team":"ml"}}}]}`;
    const found = assertFires(ID, text, {}, 2);
    assert.deepEqual(found.map((f) => spanOf(text, f)), ['"AWS:sourcevpce"', '"StringEquals"']);
  });

  it('fires on keys equal only once lower-cased to different lengths (U+0130 becomes two characters)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/\u0130d":"a","aws:PrincipalTag/i\u0307d":"b","aws:PrincipalTag/id":"c"}}}]}';
    const [f] = assertFires(ID, text, {}, 1);
    assert.match(f.message, /repeats "aws:PrincipalTag\/\u0130d" in a different case/);
  });

  it('fires in a statement of many keys, naming the earliest one repeated', () => {
    const extra = Array.from({ length: 10 }, (_, i) => `"X${i}":"v"`).join(',');
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${extra},"Action":"s3:GetObject","Resource":"*","effect":"Deny","EFFECT":"Deny"}]}`;
    const found = assertFires(ID, text, {}, 2);
    assert.deepEqual(found.map((f) => spanOf(text, f)), ['"effect"', '"EFFECT"']);
    for (const f of found) assert.match(f.message, /repeats "Effect" in a different case/);
  });

  it('fires once per extra occurrence', () => {
    assertFires(ID, '{"Version":"2012-10-17","Version":"2012-10-17","version":"2012-10-17","Statement":[]}', {}, 2);
  });

  it('fires in a fragment (a bare statement object)', () => {
    assertFires(ID, '{"Effect":"Allow","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}', {}, 1);
  });

  it('clean when the same key appears in different objects', () => {
    assertClean(ID, `{"Version":"2012-10-17","Statement":[${STATEMENT},${STATEMENT}]}`);
    assertClean(ID, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"},"StringLike":{"aws:SourceVpce":"vpce-*"}}}]}');
  });

  it('clean: the same string twice in an array is not a key', () => {
    assertClean(ID, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:GetObject"],"Resource":"*"}]}');
  });

  it('clean: non-policy JSON with duplicate keys gets no finding', () => {
    const result = lint('{"name":"my-app","name":"other","version":"1.0.0","dependencies":{}}');
    assert.equal(result.kind, null);
    assert.deepEqual(result.findings, []);
  });
});
