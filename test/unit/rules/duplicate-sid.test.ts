import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, findingsOf, policy, spanOf } from '../helpers';

const ID = 'duplicate-sid';
const statement = (sid: unknown, action = 'sagemaker:DescribeDomain') => ({ Sid: sid, Effect: 'Allow', Action: action, Resource: '*' });

describe(ID, () => {
  it('fires on the second statement with the same Sid and underlines its value', () => {
    const doc = policy(statement('Studio'), statement('Studio', 'sagemaker:ListApps'));
    const [f] = assertFires(ID, doc, {}, 1);
    const text = JSON.stringify(doc, null, 2);
    assert.equal(spanOf(doc, f), '"Studio"');
    assert.equal(f.offset, text.lastIndexOf('"Studio"'));
    assert.match(f.message, /Sid "Studio" is used by another statement/);
  });

  it('fires once per repetition', () => {
    assertFires(ID, policy(statement('A'), statement('A'), statement('B'), statement('A')), {}, 2);
  });

  it('fires in every kind, including bucket policies and fragments', () => {
    const bucket = { Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    assertFires(ID, policy(bucket, bucket), {}, 1);
    assertFires(ID, [statement('X'), statement('X')], {}, 1);
  });

  it('the same findings whether the Sids are compared pair by pair (up to 16 statements) or through a set (more)', () => {
    const sids = (n: number) => Array.from({ length: n }, (_, i) => statement(i % 5 === 4 ? 'Again' : i % 7 === 6 ? undefined : `Sid${i}`));
    for (const n of [2, 15, 16, 17, 40]) {
      const expected = Math.max(0, sids(n).filter((st) => st.Sid === 'Again').length - 1);
      assert.equal(findingsOf(ID, policy(...sids(n))).length, expected, `${n} statements`);
    }
    assertClean(ID, policy(...Array.from({ length: 20 }, (_, i) => statement(`Unique${i}`))));
  });

  it('clean on distinct Sids: comparison is exact, so "Read" and "read" differ', () => {
    assertClean(ID, policy(statement('Read'), statement('read'), statement('Read2')));
  });

  it('clean: statements without Sid, with empty Sids (empty-value) or non-string Sids (invalid-sid)', () => {
    assertClean(ID, policy(statement(undefined), statement(undefined)));
    assertClean(ID, policy(statement(''), statement('')));
    assertClean(ID, policy(statement(1), statement(1)));
  });
});
