import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'unknown-action';
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });

describe(ID, () => {
  it('fires on kms:ReEncrypt, underlines the action name and offers up to 3 actions it begins', () => {
    const doc = allow(['kms:ReEncrypt']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), 'ReEncrypt');
    assert.ok(f.fixes.length <= 3);
    // Actions the word begins come first, ranked by edit distance.
    assert.deepEqual(f.fixes.slice(0, 2).map((x) => x.title), ['Change to "kms:ReEncryptTo"', 'Change to "kms:ReEncryptFrom"']);
    const fixed = applyFix(doc, f, 'Change to "kms:ReEncryptTo"');
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['kms:ReEncryptTo']);
  });

  it('fires on iam:UpdatePolicy and says the service has no such action', () => {
    const [f] = assertFires(ID, allow('iam:UpdatePolicy'), {}, 1);
    assert.match(f.message, /has no action "UpdatePolicy"/);
  });

  it('a single close match is the preferred fix and resolves the finding', () => {
    const fixed = assertFixResolves(ID, allow('sagemaker:CreatePresignedDomainUrll'));
    assert.equal(JSON.parse(fixed).Statement[0].Action, 'sagemaker:CreatePresignedDomainUrl');
  });

  it('fires in NotAction too', () => {
    assertFires(ID, policy({ Effect: 'Deny', NotAction: ['s3:GetObjectt'], Resource: '*' }), {}, 1);
  });

  it('clean on real actions in any case: actions are case-insensitive', () => {
    assertClean(ID, allow(['sagemaker:createpresigneddomainurl', 'SAGEMAKER:CreatePresignedDomainURL', 'kms:ReEncryptFrom', 's3:GetObject']));
  });

  it('clean on wildcards, unknown services and malformed entries (other rules report those)', () => {
    assertClean(ID, allow(['kms:ReEncrypt*', 's3:Gett*', 'nosuch:Action', 'GetObject', '*']));
  });
});
