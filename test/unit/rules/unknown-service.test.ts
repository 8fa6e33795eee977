import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  it('clean on known prefixes in any case, wildcard prefixes, "*" and malformed entries', () => {
    assertClean(ID, allow(['SageMaker:CreateApp', 's3:*', '*', '*:Get*', 's3*:List*', 'GetObject', 'no such:thing']));
  });
});
