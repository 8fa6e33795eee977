import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionPatternCovers, globMatches, hasWildcard, isBroadResource } from '../../server/src/engine/match';
import { actionCovers } from '../../server/src/engine/rules/redundant-action';

describe('globMatches', () => {
  it('matches * as any run and ? as one character', () => {
    assert.ok(globMatches('s3:Get*', 's3:GetObject'));
    assert.ok(globMatches('s3:Get*', 's3:Get'));
    assert.ok(globMatches('s3:?etObject', 's3:GetObject'));
    assert.ok(globMatches('*Object*', 's3:GetObjectTagging'));
    assert.ok(globMatches('a*b*c', 'axxbyyc'));
    assert.ok(!globMatches('a*b*c', 'axxbyy'));
    assert.ok(!globMatches('s3:?', 's3:'));
    assert.ok(globMatches('', ''));
    assert.ok(!globMatches('', 'x'));
    assert.ok(globMatches('***', ''));
  });

  it('backtracks to the last * only as far as needed', () => {
    assert.ok(globMatches('*ab*ab', 'xabyabab'));
    assert.ok(globMatches('arn:aws:s3:::bucket/*/data/*', 'arn:aws:s3:::bucket/a/data/b/data/c'));
    assert.ok(!globMatches('arn:aws:s3:::bucket/*/data/?', 'arn:aws:s3:::bucket/a/data/bc'));
  });

  it('is case-sensitive unless asked (ARNs vs actions)', () => {
    assert.ok(!globMatches('arn:aws:iam::*:role/Admin', 'arn:aws:iam::1:role/admin'));
    assert.ok(globMatches('IAM:pass*', 'iam:PassRole', { ignoreCase: true }));
    assert.ok(actionPatternCovers('SageMaker:create*', 'sagemaker:CreateTrainingJob'));
  });

  it('treats regular-expression characters literally', () => {
    assert.ok(globMatches('a.b(c)[d]+', 'a.b(c)[d]+'));
    assert.ok(!globMatches('a.b', 'axb'));
  });

  it('answers on megabyte patterns without a RegExp (V8 rejects RegExps that large)', () => {
    const stars = `s3:${'*?'.repeat(1 << 17)}`;
    assert.equal(globMatches(stars, 's3:GetObject'), false);
    assert.equal(globMatches(`s3:${'*'.repeat(1 << 20)}`, 's3:GetObject'), true);
    assert.equal(globMatches(`*${'a'.repeat(1 << 20)}*`, `x${'a'.repeat(1 << 20)}y`), true);
  });
});

describe('actionCovers (a pattern over another pattern)', () => {
  it('covers a pattern only when every action it can match is matched', () => {
    assert.ok(actionCovers('s3:*', 's3:Get*'));
    assert.ok(actionCovers('s3:Get*', 's3:GetObject'));
    assert.ok(!actionCovers('s3:Get?', 's3:Get*'));
    assert.ok(actionCovers('s3:Get?bject', 's3:Get?bject'));
    assert.ok(!actionCovers('s3:GetObject', 's3:Get*'));
  });
  it('answers its shortcuts (a literal pattern, a pattern ending in its only *) as the general matcher does', () => {
    // The general reading: the covered text's wildcards become tokens only a `*` of the pattern absorbs.
    const general = (pattern: string, covered: string) =>
      globMatches(pattern, covered.replace(/\*/g, '\u0001').replace(/\?/g, '\u0002'), { ignoreCase: true, one: (c) => c !== '\u0001' });
    const alphabet = ['s', 'S', '3', ':', 'g', 'G', '*', '?'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let shortcuts = 0;
    for (let i = 0; i < 20000; i++) {
      const pattern = word();
      const covered = random() < 0.3 ? pattern.toUpperCase() : word();
      if (!pattern.includes('?') && (!pattern.includes('*') || pattern.indexOf('*') === pattern.length - 1)) shortcuts++;
      assert.equal(actionCovers(pattern, covered), general(pattern, covered), `${pattern} over ${covered}`);
    }
    assert.ok(shortcuts > 2000, 'the shortcuts are exercised');
  });
});

describe('hasWildcard / isBroadResource', () => {
  it('does not count the literal-character policy variables ${*} and ${?}', () => {
    assert.ok(!hasWildcard('arn:aws:s3:::bucket/${*}'));
    assert.ok(hasWildcard('arn:aws:s3:::bucket/*'));
  });
  it('answers values without a policy variable at once, and still looks past the variables in the others', () => {
    assert.ok(hasWildcard('ml.?5.*'));
    assert.ok(!hasWildcard('ml.m5.xlarge'));
    // A variable of another kind does not hide a real wildcard; `${?}` and `${$}` stand for literal characters.
    assert.ok(hasWildcard('arn:aws:s3:::bucket/${aws:username}/*'));
    assert.ok(!hasWildcard('${?}x${$}${*}'));
    assert.ok(hasWildcard('${?}x?'));
  });
  it('recognises resources that cover a whole service', () => {
    assert.ok(isBroadResource('*'));
    assert.ok(isBroadResource('arn:aws:iam::*:role/*'));
    assert.ok(!isBroadResource('arn:aws:iam::*:role/team-a/*'));
  });
});
