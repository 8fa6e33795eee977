import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'arn-field-not-allowed';
const on = (Resource: unknown, Action: unknown = 's3:GetObject') => policy({ Effect: 'Allow', Action, Resource });

describe(ID, () => {
  it('fires on an account in an S3 bucket ARN and underlines the account', () => {
    const doc = on('arn:aws:s3::210987654321:bucket/*');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '210987654321');
    assert.match(f.message, /account field/);
  });

  it('fix blanks the field', () => {
    const fixed = assertFixResolves(ID, on(['arn:aws:s3::210987654321:bucket/*']));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Resource, ['arn:aws:s3:::bucket/*']);
  });

  it('fires on a Region in an IAM ARN', () => {
    const doc = on('arn:aws:iam:us-east-1:210987654321:role/SageMakerRole', 'iam:PassRole');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), 'us-east-1');
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:iam::210987654321:role/SageMakerRole');
  });

  it('fires on both fields of a bucket ARN, once each', () => {
    assertFires(ID, on('arn:aws:s3:us-east-1:210987654321:bucket'), {}, 2);
  });

  it('clean where some format of the service has the field (S3 access points, EC2 AMIs without account are fine)', () => {
    assertClean(ID, on(['arn:aws:s3:us-east-1:210987654321:accesspoint/ap/object/*', 'arn:aws:ec2:us-east-1::image/ami-1234', 'arn:aws:iam::210987654321:role/r']));
  });

  it('clean on wildcards and variables in the field, unknown services and "*"', () => {
    assertClean(ID, on(['arn:aws:s3:*:*:bucket/*', 'arn:aws:iam:${aws:RequestedRegion}::role/r', 'arn:aws:nosuch:us-east-1:210987654321:x', '*']));
  });
});
