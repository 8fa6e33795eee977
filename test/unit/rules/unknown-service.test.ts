import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reference } from '../../../server/src/engine/data/reference';
import { RETIRED_SERVICES } from '../../../server/src/engine/data/retiredServices';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'unknown-service';
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });

describe(ID, () => {
  it('fires on a misspelt prefix, underlines the prefix and suggests the service', () => {
    const doc = allow('sagemkr:CreateApp');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), 'sagemkr');
    assert.match(f.message, /Did you mean "sagemaker"/);
  });

  it('fix replaces only the prefix', () => {
    const fixed = assertFixResolves(ID, allow(['sagemkr:CreateApp']));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['sagemaker:CreateApp']);
  });

  it('fires on a retired service (its actions are gone from the reference), also in NotAction', () => {
    assertFires(ID, allow('elastic-inference:Connect'), {}, 1);
    assertFires(ID, policy({ Effect: 'Deny', NotAction: ['nosuchservice:*'], Resource: '*' }), {}, 1);
  });

  it('names a retired service instead of guessing a misspelling, and offers to remove the entry from a list', () => {
    const [f] = assertFires(ID, allow('elastic-inference:Connect'), {}, 1);
    assert.match(f.message, /prefix of Amazon Elastic Inference, which AWS has retired/);
    assert.doesNotMatch(f.message, /Did you mean/);
    assert.equal(f.fixes.length, 0, 'a lone Action value has nothing to keep: no removal fix');
    const fixed = assertFixResolves(ID, allow(['s3:GetObject', 'deeplens:*']));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['s3:GetObject']);
  });

  it('the retired-services table lists only prefixes the reference data no longer has', () => {
    for (const prefix of RETIRED_SERVICES.keys()) assert.equal(reference().hasService(prefix), false, prefix);
  });

  it('clean on known prefixes in any case, wildcard prefixes, "*" and malformed entries', () => {
    assertClean(ID, allow(['SageMaker:CreateApp', 's3:*', '*', '*:Get*', 's3*:List*', 'GetObject', 'no such:thing']));
  });
});
