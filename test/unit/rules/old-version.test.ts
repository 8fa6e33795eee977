import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, spanOf } from '../helpers';

const ID = 'old-version';
const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

describe(ID, () => {
  it('fires on Version 2008-10-17, underlines it, and the fix sets 2012-10-17', () => {
    const doc = { Version: '2008-10-17', Statement: [statement] };
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"2008-10-17"');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)), { Version: '2012-10-17', Statement: [statement] });
  });

  it('fires on bucket and trust policies too', () => {
    assertFires(ID, { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, {}, 1);
  });

  it('clean on 2012-10-17, on a missing Version and on invalid ones (other rules)', () => {
    assertClean(ID, { Version: '2012-10-17', Statement: [statement] });
    assertClean(ID, { Statement: [statement] });
    assertClean(ID, { Version: '2008-10-18', Statement: [statement] });
  });
});
