import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'pass-role-wildcard-resource';
const passRole = (resource: unknown, extra: object = {}) => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: resource, ...extra });

describe(ID, () => {
  it('fires on iam:PassRole on "*" and underlines the resource', () => {
    const doc = policy(passRole('*'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"*"');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /ANY role in the account/);
  });

  it('fires on ARN patterns that cover every role: role/*, any account, any partition, a wildcard service or region', () => {
    for (const r of [
      'arn:aws:iam::*:role/*',
      'arn:aws:iam::111122223333:role/*',
      'arn:aws:iam::111122223333:*',
      'arn:*:iam::*:role/*',
      'arn:aws-cn:iam::*:role/*',
      'arn:aws:iam:*:*:role/*',
      'arn:aws:iam::*:role*',
      'arn:aws:*:*:*:*',
    ]) assertFires(ID, policy(passRole(r)), {}, 1);
  });

  it('fires on wildcards that cover iam:PassRole: iam:*, iam:Pass*, *, and any case', () => {
    for (const action of ['iam:*', 'iam:Pass*', '*', 'IAM:passrole', ['iam:GetRole', 'iam:P*']]) {
      assertFires(ID, policy({ ...passRole('*'), Action: action }), {}, 1);
    }
  });

  it('answers the same for a pattern seen before (the verdict is cached per text)', () => {
    for (let round = 0; round < 2; round++) {
      assertFires(ID, policy(passRole('arn:aws:iam::*:role/*')), {}, 1);
      assertClean(ID, policy(passRole('arn:aws:iam::*:role/service-role/*')));
      assertClean(ID, policy(passRole('arn:aws:s3:::bucket/*')));
    }
  });

  it('fires once per broad entry of the Resource list, also in fragments', () => {
    const doc = [passRole(['arn:aws:iam::111122223333:role/SageMakerExecutionRole', '*', 'arn:aws:iam::*:role/*'])];
    const found = assertFires(ID, doc, {}, 2);
    assert.deepEqual(found.map((f) => spanOf(doc, f)), ['"*"', '"arn:aws:iam::*:role/*"']);
  });

  it('fires even with an iam:PassedToService condition: it limits the service, not which roles', () => {
    assertFires(ID, policy(passRole('*', { Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } })), {}, 1);
  });

  it('clean on named roles, a path, or a name prefix', () => {
    assertClean(ID, policy(passRole([
      'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
      'arn:aws:iam::111122223333:role/service-role/*',
      'arn:aws:iam::111122223333:role/SageMaker*',
      'arn:aws:iam::*:role/sagemaker/*',
    ])));
  });

  it('clean on resources that are not IAM roles, and on a * resource for other actions', () => {
    assertClean(ID, policy(passRole(['arn:aws:s3:::*', 'arn:aws:sagemaker:*:*:*', 'arn:aws:iam::*:user/*'])));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['iam:GetRole', 'iam:PassRoles'], Resource: '*' }));
  });

  it('clean on Deny statements, NotAction and NotResource (allow-not-action and allow-not-resource report those)', () => {
    assertClean(ID, policy({ ...passRole('*'), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/Admin' }));
  });
});
