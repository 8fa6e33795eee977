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

  it('adds a condition to a minified policy compactly, inside the statement, and leaves the rest as written', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' },
        { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/SageMakerRole' },
      ],
    });
    const finding = lint(text).findings.find((f) => f.ruleId === 'pass-role-without-service');
    assert.ok(finding);
    const [edit] = finding.fixes[0].edits;
    const statementStart = text.indexOf('{"Sid":"Pass"');
    assert.ok(edit.offset > statementStart && edit.offset + edit.length < text.length - 2, 'the edit stays inside the statement');
    const fixed = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
    assert.ok(!fixed.includes('\n'), 'still one line');
    assert.deepEqual(JSON.parse(fixed).Statement[1].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    assert.ok(!lint(fixed).findings.some((f) => f.ruleId === 'pass-role-without-service'));
  });
});
