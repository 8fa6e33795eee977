import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'credentials-exposure';
const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

describe(ID, () => {
  it('fires on secretsmanager:GetSecretValue on * and underlines the action', () => {
    const doc = policy(allow(['secretsmanager:ListSecrets', 'secretsmanager:GetSecretValue']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"secretsmanager:GetSecretValue"');
  });

  it('fires on Redshift credentials and federation tokens through wildcards and ARNs naming every resource', () => {
    const [f] = assertFires(ID, policy(allow('redshift:GetCluster*')), {}, 1);
    assert.match(f.message, /redshift:GetClusterCredentials/);
    assertFires(ID, policy(allow('sts:GetFederationToken')), {}, 1);
    assertFires(ID, policy(allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:*:*:secret:*')), {}, 1);
  });

  it('clean when scoped to named resources or conditioned', () => {
    assertClean(ID, policy(allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:sagemaker-*')));
    assertClean(ID, policy(allow('secretsmanager:GetSecretValue', '*', { Condition: { StringEquals: { 'aws:ResourceTag/SageMaker': 'true' } } })));
  });

  it('clean on Deny, on resource policies (where * is the resource itself) and on other actions', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }));
    assertClean(ID, policy(allow('secretsmanager:ListSecrets')));
  });
});
