import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyKind } from '../../../server/src/engine/types';
import { withThousands } from '../../../server/src/engine/rules/policy-size';
import { assertClean, assertFires, spanOf } from '../helpers';

const ID = 'policy-size';

/** A policy of exactly `size` characters without whitespace (pretty-printed, so with plenty of whitespace). */
function policyOfSize(size: number, statement: object = { Effect: 'Allow', Action: 's3:GetObject' }): string {
  const base = { Version: '2012-10-17', Statement: [{ ...statement, Resource: 'arn:aws:s3:::' }] };
  const filler = 'a'.repeat(size - JSON.stringify(base).length);
  const text = JSON.stringify({ ...base, Statement: [{ ...statement, Resource: `arn:aws:s3:::${filler}` }] }, null, 2);
  assert.equal(text.replace(/\s+/g, '').length, size);
  return text;
}

const QUOTAS: Array<[PolicyKind, number, RegExp]> = [
  ['identity', 6144, /6,144 allowed for a managed identity policy/],
  ['boundary', 6144, /6,144 allowed for a managed policy used as a permissions boundary/],
  ['scp', 5120, /5,120 allowed for a service control policy/],
  ['trust', 2048, /2,048 allowed for a role trust policy/],
  ['resource', 20480, /20,480 allowed for a bucket policy/],
  ['endpoint', 20480, /20,480 allowed for a VPC endpoint policy/],
];

describe(ID, () => {
  for (const [kind, limit, message] of QUOTAS) {
    it(`fires on a ${kind} policy one character over ${limit}, at the opening brace`, () => {
      const text = policyOfSize(limit + 1);
      const [f] = assertFires(ID, text, { kind }, 1);
      assert.equal(spanOf(text, f), '{');
      assert.equal(f.offset, 0);
      assert.match(f.message, message);
      assert.match(f.message, new RegExp(`is ${(limit + 1).toLocaleString('en-US')} characters without whitespace`));
    });
    it(`clean on a ${kind} policy of exactly ${limit} characters without whitespace`, () => {
      assertClean(ID, policyOfSize(limit), { kind });
    });
  }

  it('fires on a detected kind: a trust policy over 2,048 characters', () => {
    const text = policyOfSize(2100, { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' });
    assert.match(assertFires(ID, text, {}, 1)[0].message, /role trust policy/);
  });

  it('clean: whitespace does not count, however much of it there is', () => {
    const text = policyOfSize(6000).replace(/\n/g, '\n' + ' '.repeat(200));
    assert.ok(text.length > 6144);
    assertClean(ID, text);
  });

  it('counts as whitespace exactly the characters of \\s, beyond ASCII too', () => {
    const wide: string[] = [];
    const other: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      (/\s/.test(ch) ? wide : other).push(ch);
    }
    // Characters next to the whitespace ones, which count.
    const near = other.filter((ch) => /[\u0085\u009f\u00a1\u167f\u1681\u1fff\u200b\u2027\u202a\u202e\u2030\u205e\u2060\u2fff\u3001\ufefe\uffff]/.test(ch)).join('');
    const base = policyOfSize(6144 - near.length);
    const text = base.replace('arn:aws:s3:::', `arn:aws:s3:::${wide.join('')}${near}`);
    assertClean(ID, text);
    assert.equal(assertFires(ID, text.replace('arn:aws:s3:::', 'arn:aws:s3:::a'), {}, 1).length, 1);
  });

  it('writes counts as toLocaleString does for en-US', () => {
    for (const n of [0, 7, 42, 999, 1000, 2048, 6145, 20480, 99999, 100000, 123456, 999999, 1000000, 12345678, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      assert.equal(withThousands(n), n.toLocaleString('en-US'));
    }
  });

  it('clean on fragments, which have no quota of their own', () => {
    assertClean(ID, JSON.stringify([{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'a'.repeat(30000)}` }]));
  });
});
