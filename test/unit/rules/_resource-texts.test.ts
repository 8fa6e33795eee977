import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../../server/src/engine/parse/parse';
import { notResourceFacts, resourceFacts, resourceTextMemo } from '../../../server/src/engine/rules/_resource-texts';
import { assertFires, findingsOf, policy, spanOf } from '../helpers';

describe('_resource-texts', () => {
  it('gives one facts object per text, shared by statements and documents, and none to entries that are not strings', () => {
    const text = JSON.stringify(policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', '*', 7, { 'Fn::Sub': 'arn:aws:s3:::${B}' }] },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/*' },
    ));
    const [first, second] = parsePolicy(text).statements;
    const facts = resourceFacts(first);
    assert.equal(facts.length, 4);
    assert.equal(facts[0]?.text, 'arn:aws:s3:::b/*');
    assert.equal(facts[1]?.text, '*');
    assert.equal(facts[2], undefined);
    assert.equal(facts[3], undefined);
    assert.equal(notResourceFacts(second)[0], facts[0]);
    assert.equal(resourceFacts(parsePolicy(text).statements[0])[0], facts[0]);
    assert.deepEqual(resourceFacts(second), []);
  });

  it('an empty list has no facts and takes no memo; a value without entries (an object) is still read by unreplaced-placeholder', () => {
    const [s] = parsePolicy(JSON.stringify(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))).statements;
    assert.deepEqual(notResourceFacts(s), []);
    assert.equal(Object.keys(s.derived).length, 0);
    const doc = policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: { Bucket: 'arn:aws:s3:::<bucket>/*' } });
    assert.deepEqual(findingsOf('unreplaced-placeholder', doc).map((f) => spanOf(doc, f)), ['<bucket>']);
  });

  it('works a fact out once per text', () => {
    let computed = 0;
    const length = resourceTextMemo((t) => (computed++, t.text.length));
    const statements = parsePolicy(JSON.stringify(policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::only-here-once/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::only-here-once/*' },
    ))).statements;
    for (const s of statements) assert.equal(length(resourceFacts(s)[0]!), 29);
    assert.equal(computed, 1);
  });

  it('the rules that share the facts still report every entry of every statement', () => {
    const doc = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['*', 'arn:aws:s3:::<bucket>/*', 'arn:aws:s3:us-east-1::b'] },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::<bucket>/*', 'arn:aws:s3:us-east-1::b', 'arn:aws:s3'] },
    );
    assert.deepEqual(assertFires('unreplaced-placeholder', doc, {}, 2).map((f) => spanOf(doc, f)), ['<bucket>', '<bucket>']);
    assert.deepEqual(assertFires('arn-field-not-allowed', doc, {}, 2).map((f) => spanOf(doc, f)), ['us-east-1', 'us-east-1']);
    assert.deepEqual(findingsOf('invalid-arn', doc).map((f) => spanOf(doc, f)), ['"arn:aws:s3"']);
  });
});
