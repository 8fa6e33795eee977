import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'trust-policy-resource';
const trust = (extra: object) => policy({ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole', ...extra });

describe(ID, () => {
  it('fires on Resource in a trust policy and underlines the element name', () => {
    const doc = trust({ Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"Resource"');
  });

  it('fires on NotResource; the fix removes the element and leaves valid JSON', () => {
    const fixed = assertFixResolves(ID, trust({ NotResource: 'arn:aws:iam::111122223333:role/x' }));
    assert.equal(JSON.parse(fixed).Statement[0].NotResource, undefined);
    const fixed2 = assertFixResolves(ID, trust({ Resource: ['arn:aws:iam::111122223333:role/x'], Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }));
    assert.deepEqual(Object.keys(JSON.parse(fixed2).Statement[0]), ['Effect', 'Principal', 'Action', 'Condition']);
  });

  it('clean on trust policies without Resource and on resource policies with Resource', () => {
    assertClean(ID, trust({}));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }));
  });
});
