import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'data-wrangler-redshift-user';
const creds = (resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action: 'redshift:GetClusterCredentials', Resource: resource, ...extra });

describe(ID, () => {
  it('fires on dbuser:*/*, on the resource entry', () => {
    const doc = policy(creds(['arn:aws:redshift:*:*:dbuser:*/*', 'arn:aws:redshift:*:*:dbname:*']));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"arn:aws:redshift:*:*:dbuser:*/*"');
    assert.match(f.message, /sagemaker_access\*/);
  });

  it('fires on every user of one cluster and on arn:aws:redshift:*:*:*', () => {
    assertFires(ID, policy(creds('arn:aws:redshift:us-east-1:111122223333:dbuser:redshift-cluster-1/*')), {}, 1);
    assertFires(ID, policy({ ...creds('arn:aws:redshift:*:*:*'), Action: 'redshift:GetCluster*' }), {}, 1);
  });

  it('clean on the Data Wrangler page\'s sagemaker_access* users and on named users', () => {
    assertClean(ID, policy(creds(['arn:aws:redshift:*:*:dbuser:*/sagemaker_access*', 'arn:aws:redshift:*:*:dbname:*'])));
    assertClean(ID, policy(creds('arn:aws:redshift:us-east-1:111122223333:dbuser:redshift-cluster-1/analyst')));
  });

  it('clean when GUARDED: the Allow conditions on redshift:DbUser', () => {
    assertClean(ID, policy(creds('arn:aws:redshift:*:*:dbuser:*/*', { Condition: { StringLike: { 'redshift:DbUser': 'sagemaker_access*' } } })));
  });

  it('clean when DENIED: a separate Deny of other database users', () => {
    assertClean(ID, policy(creds('arn:aws:redshift:*:*:dbuser:*/*'), { Effect: 'Deny', Action: 'redshift:GetClusterCredentials', Resource: '*', Condition: { StringNotLike: { 'redshift:DbUser': 'sagemaker_access*' } } }));
  });

  it('clean: a Deny statement itself never fires; "*" is left to credentials-exposure; other actions are out of scope', () => {
    assertClean(ID, policy({ ...creds('arn:aws:redshift:*:*:dbuser:*/*'), Effect: 'Deny' }));
    assertClean(ID, policy(creds('*')));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'redshift:CreateClusterUser', Resource: 'arn:aws:redshift:*:*:dbuser:*/*' }));
  });
});
