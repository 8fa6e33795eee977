import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'data-exfiltration';
const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

describe(ID, () => {
  it('fires on s3:GetObject on * and underlines the action', () => {
    const doc = policy(allow(['s3:ListBucket', 's3:GetObject']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"s3:GetObject"');
  });

  it('fires through wildcards and on ARNs that name every bucket, parameter or table', () => {
    const [f] = assertFires(ID, policy(allow('ssm:GetParameter*')), {}, 1);
    assert.match(f.message, /ssm:GetParameter, ssm:GetParameters and ssm:GetParametersByPath/);
    assertFires(ID, policy(allow('s3:Get*', 'arn:aws:s3:::*/*')), {}, 1);
    assertFires(ID, policy(allow('dynamodb:Scan', 'arn:aws:dynamodb:*:*:table/*')), {}, 1);
    assertFires(ID, policy(allow('kms:Decrypt')), {}, 1);
  });

  it('clean on one bucket (arn:aws:s3:::bucket/* is not every bucket) and with a condition', () => {
    assertClean(ID, policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/*')));
    assertClean(ID, policy(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:ResourceAccount': '111122223333' } } })));
  });

  it('clean on Deny, on reads denied outright, and in resource policies', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }));
    assertClean(ID, policy(allow('s3:GetObject'), { Effect: 'Deny', Action: 's3:*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:Decrypt', Resource: '*' }));
  });
});
