import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'invalid-effect';
const statement = (effect: unknown) => ({ Effect: effect, Action: 'sagemaker:ListDomains', Resource: '*' });

describe(ID, () => {
  it('fires on "allow" in lower case, underlines the value, and the fix writes "Allow"', () => {
    const doc = policy(statement('allow'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"allow"');
    assert.match(f.message, /must be written exactly "Allow"/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Effect, 'Allow');
  });

  it('fires on "DENY" and on " Deny " with spaces; the fix writes "Deny"', () => {
    assert.equal(JSON.parse(assertFixResolves(ID, policy(statement('DENY')))).Statement[0].Effect, 'Deny');
    assert.equal(JSON.parse(assertFixResolves(ID, policy(statement(' Deny ')))).Statement[0].Effect, 'Deny');
  });

  it('fires on a word that is not an effect, without a fix', () => {
    const [f] = assertFires(ID, policy(statement('Permit')), {}, 1);
    assert.equal(f.message, 'Effect "Permit" is not valid: it must be "Allow" or "Deny".');
    assert.equal(f.fixes.length, 0);
    assert.equal(assertFires(ID, policy(statement('')), {}, 1)[0].fixes.length, 0);
  });

  it('fires once per bad statement, and in fragments', () => {
    assertFires(ID, policy(statement('allow'), statement('Allow'), statement('deny')), {}, 2);
    assertFixResolves(ID, [statement('allow')]);
    assertFixResolves(ID, statement('allow'));
  });

  it('clean on "Allow" and "Deny"', () => {
    assertClean(ID, policy(statement('Allow'), statement('Deny')));
  });

  it('clean: a non-string Effect is left to invalid-type, a missing one to missing-element', () => {
    assertClean(ID, policy(statement(1)));
    assertClean(ID, policy({ Action: 's3:GetObject', Resource: '*' }));
  });
});
