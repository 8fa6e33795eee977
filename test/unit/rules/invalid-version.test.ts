import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, spanOf } from '../helpers';

const ID = 'invalid-version';
const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const withVersion = (version: unknown) => ({ Version: version, Statement: [statement] });

describe(ID, () => {
  it('fires on a date that is not a policy language version, underlines it, and the fix sets 2012-10-17', () => {
    const doc = withVersion('2024-06-01');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"2024-06-01"');
    assert.match(f.message, /only "2012-10-17" \(current\) and "2008-10-17"/);
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)), withVersion('2012-10-17'));
  });

  it('fires on other strings: a product version, the empty string, a date with another separator', () => {
    for (const v of ['1.0', '', '2012/10/17', '2012-10-17 ']) assertFixResolves(ID, withVersion(v));
  });

  it('clean on the two valid versions', () => {
    assertClean(ID, withVersion('2012-10-17'));
    assertClean(ID, withVersion('2008-10-17'));
  });

  it('clean: a missing Version (missing-version) or a non-string one (invalid-type) is reported elsewhere', () => {
    assertClean(ID, { Statement: [statement] });
    assertClean(ID, withVersion(20121017));
  });
});
