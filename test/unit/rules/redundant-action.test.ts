import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'redundant-action';
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });

describe(ID, () => {
  it('fires on s3:GetObject next to s3:Get* and underlines the covered entry', () => {
    const doc = allow(['s3:GetObject', 's3:Get*']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"s3:GetObject"');
    assert.match(f.message, /covered by "s3:Get\*"/);
  });

  it('fix removes the entry and leaves valid JSON', () => {
    const fixed = assertFixResolves(ID, allow(['s3:Get*', 's3:GetObject', 's3:PutObject']));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['s3:Get*', 's3:PutObject']);
  });

  it('fires on the later of two equal entries (in another case too)', () => {
    const doc = allow(['s3:GetObject', 'S3:getobject']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"S3:getobject"');
    assert.match(f.message, /listed twice/);
    assert.deepEqual(JSON.parse(applyFix(doc, f)).Statement[0].Action, ['s3:GetObject']);
  });

  it('fires on wildcards covered by wider wildcards, "*", and in NotAction', () => {
    assertFires(ID, allow(['s3:Get*', 's3:GetObject*']), {}, 1);
    assertFires(ID, allow(['s3:Get*', 's3:Get?']), {}, 1);
    assertFires(ID, allow(['*', 'sagemaker:CreateApp']), {}, 1);
    assertFires(ID, allow(['*:Describe*', 'ec2:DescribeVpcs']), {}, 1);
    assertFires(ID, policy({ Effect: 'Deny', NotAction: ['iam:*', 'iam:PassRole'], Resource: '*' }), {}, 1);
  });

  it('clean when no entry covers another', () => {
    assertClean(ID, allow(['s3:Get*', 's3:*Object', 's3:Put?']));
    assertClean(ID, allow(['s3:GetObject', 'sagemaker:GetObject*', 's3:PutObject']));
    assertClean(ID, allow('s3:GetObject'));
  });

  it('entries of a service without a wildcard entry are settled by their group, still covered by a wildcard-prefixed entry', () => {
    // ec2 has a wildcard entry, s3 and iam do not: s3:GetObject is left at once; "*:Get*" covers iam:GetRole.
    assertClean(ID, allow(['ec2:Describe*', 's3:GetObject', 'iam:GetRole', 's3:PutObject']));
    const doc = allow(['ec2:Describe*', 's3:PutObject', 'iam:GetRole', '*:Get*']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"iam:GetRole"');
    // The first entry of a list can be the covering one.
    const first = allow(['s3:Get*', 'ec2:DescribeVpcs', 's3:GetObject']);
    assert.match(assertFires(ID, first, {}, 1)[0].message, /covered by "s3:Get\*"/);
  });

  it('an entry with a variable is no repeat and covers nothing; the entries around it are still compared', () => {
    const doc = allow(['s3:${aws:username}', 's3:GetObject', 's3:${aws:username}', 'S3:GETOBJECT']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"S3:GETOBJECT"');
  });

  it('clean across statements and between Action of one and NotAction of another', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
  });
});
