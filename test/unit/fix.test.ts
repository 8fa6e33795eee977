import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';

describe('fixAll (CLI --fix and the editor fix-all)', () => {
  it('applies every preferred fix, over several passes, and leaves valid JSON', () => {
    const text = '{\n  "Statement": [\n    {\n      "Effect": "allow",\n      "Actions": "iam:PassRole",\n      "Resource": "arn:aws:iam::111122223333:role/R",\n    }\n  ]\n}\n';
    const { text: fixed, applied } = fixAll(text);
    assert.ok(applied >= 4, `applied ${applied}`);
    const policy = JSON.parse(fixed);
    assert.equal(policy.Version, '2012-10-17');
    assert.equal(policy.Statement[0].Effect, 'Allow');
    assert.equal(policy.Statement[0].Action, 'iam:PassRole');
    assert.deepEqual(policy.Statement[0].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    const left = lint(fixed).findings.filter((f) => f.fixes.some((x) => x.preferred));
    assert.deepEqual(left.map((f) => f.ruleId), []);
  });

  it('does nothing on a clean policy and on non-policy JSON', () => {
    assert.equal(fixAll('{"name":"x"}').applied, 0);
    const clean = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
    assert.equal(fixAll(clean).text, clean);
  });
});
