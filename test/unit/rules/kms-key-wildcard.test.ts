import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'kms-key-wildcard';
const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

describe(ID, () => {
  it('fires on kms:Decrypt on * in an identity policy and underlines the resource', () => {
    const doc = policy(allow(['kms:Decrypt', 'kms:GenerateDataKey']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"*"');
    assert.match(f.message, /kms:Decrypt and kms:GenerateDataKey/);
  });

  it('fires through wildcards and on every key of the account (key/*)', () => {
    const [f] = assertFires(ID, policy(allow('kms:GenerateDataKey*', 'arn:aws:kms:us-east-1:111122223333:key/*')), {}, 1);
    assert.match(f.message, /GenerateDataKeyWithoutPlaintext/);
    assertFires(ID, policy(allow('kms:ReEncrypt*')), {}, 1);
    assertFires(ID, policy(allow('kms:CreateGrant')), {}, 1);
  });

  it('clean on named keys, with a condition (kms:ViaService), and on key metadata actions', () => {
    assertClean(ID, policy(allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')));
    assertClean(ID, policy(allow('kms:Decrypt', '*', { Condition: { StringEquals: { 'kms:ViaService': 'sagemaker.us-east-1.amazonaws.com' } } })));
    assertClean(ID, policy(allow(['kms:DescribeKey', 'kms:ListAliases'])));
  });

  it('clean in key policies, where "Resource": "*" means the key itself', () => {
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' }));
  });
});
