import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'sagemaker-wildcard-unconditioned';

describe(ID, () => {
  it('fires once per statement on the first wildcard entry, naming all of them', () => {
    const doc = policy({ Effect: 'Allow', Action: ['sagemaker:Describe*', 'sagemaker:Delete*', 'sagemaker:Stop*', 'sagemaker:Update*'], Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:Delete*"');
    assert.match(f.message, /"sagemaker:Stop\*"/);
    assert.match(f.message, /Delete\/Stop\/Update/);
  });

  it('fires on sagemaker:Create* and on shorter patterns that cover a whole verb (sagemaker:C*)', () => {
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*' }), {}, 1);
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:St*', Resource: 'arn:aws:sagemaker:*:*:*' }), {}, 1);
  });

  it('clean with any condition (the Studio ABAC team policy)', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } } }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:Delete*', 'sagemaker:Update*'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': '${sagemaker:ResourceTag/team}' } } }));
  });

  it('clean on scoped resources, named actions, partial wildcards and sagemaker:* (left to sagemaker-full-access)', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: 'arn:aws:sagemaker:*:*:training-job/*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:*App'], Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }));
  });

  it('clean on Deny statements', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 'sagemaker:Delete*', Resource: '*' }));
  });
});
