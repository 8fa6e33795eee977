import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'wildcard-matches-nothing';
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });

describe(ID, () => {
  it('fires on s3:Gett* and underlines the entry', () => {
    const doc = allow(['s3:Gett*']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"s3:Gett*"');
    assert.match(f.message, /matches no action of Amazon S3/);
  });

  it('fires on mid-word wildcards that match nothing (sagemaker:*Appz) and on wildcard prefixes matching no service', () => {
    assertFires(ID, allow('sagemaker:*Appz'), {}, 1);
    assertFires(ID, allow('s4*:Get*'), {}, 1);
    assertFires(ID, policy({ Effect: 'Deny', NotAction: 'iam:Pas?Rolee', Resource: '*' }), {}, 1);
  });

  it('clean on wildcards that match (mid-word and ? too), in any case', () => {
    assertClean(ID, allow(['sagemaker:*App', 'S3:get*', 'ec2:Describe?pcs', '*', '*:*', 's3*:List*', 'sagemaker:*']));
  });

  it('clean on literal actions and unknown services (other rules report those)', () => {
    assertClean(ID, allow(['s3:NoSuchAction', 'nosuch:Get*']));
  });
});
