import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, findingsOf, policy, spanOf } from '../helpers';

const ID = 'unreplaced-placeholder';
const on = (Resource: unknown, extra: object = {}) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource, ...extra });

/** The underlined texts, in document order. */
function spans(doc: object): string[] {
  return findingsOf(ID, doc).map((f) => spanOf(doc, f));
}

describe(ID, () => {
  it('fires on <...> placeholders and underlines only the placeholder', () => {
    const doc = on(['arn:aws:s3:::<S3 BucketName>/*', 'arn:aws:iam::<ACCOUNT_ID>:role/r']);
    assert.deepEqual(spans(doc), ['<S3 BucketName>', '<ACCOUNT_ID>']);
    const [bucket, account] = findingsOf(ID, doc);
    assert.match(bucket.message, /bucket name/);
    assert.match(account.message, /12-digit account ID/);
  });

  it('fires on the AWS documentation account IDs', () => {
    assert.deepEqual(spans(on(['arn:aws:iam::111122223333:role/r', 'arn:aws:iam::444455556666:role/r', 'arn:aws:iam::123456789012:role/r'])), ['111122223333', '444455556666', '123456789012']);
  });

  it('fires on account-id / AccountX in the account field and "region" in the Region field', () => {
    assert.deepEqual(spans(on(['arn:aws:kms:region:account-id:key/k', 'arn:aws:iam::AccountX:role/r'])), ['region', 'account-id', 'AccountX']);
  });

  it('fires on your_KMS_key_ARN, EXAMPLE ids, DOC-EXAMPLE and amzn-s3-demo buckets, the KMS doc key ID', () => {
    assert.deepEqual(spans(on(['your_KMS_key_ARN', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*', 'arn:aws:s3:::amzn-s3-demo-bucket/*', 'arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab'])), [
      'your_KMS_key_ARN',
      'DOC-EXAMPLE-BUCKET',
      'amzn-s3-demo-bucket',
      '1234abcd-12ab-34cd-56ef-1234567890ab',
    ]);
  });

  it('fires on an upper-case S3 bucket name (UserBucket) and reference-style names (bucket-name)', () => {
    const doc = on(['arn:aws:s3:::UserBucket/*', 'arn:aws:s3:::bucket-name/*', 'arn:aws:sagemaker:us-east-1:210987654321:user-profile/domain-id/user-profile-name']);
    assert.deepEqual(spans(doc), ['UserBucket', 'bucket-name', 'domain-id', 'user-profile-name']);
    assert.match(findingsOf(ID, doc)[0].message, /lower case/);
  });

  it('fires on an ARN format copied from the Service Authorization Reference', () => {
    assert.deepEqual(spans(on('arn:${Partition}:sagemaker:${Region}:${Account}:domain/${DomainId}')), ['${Partition}', '${Region}', '${Account}', '${DomainId}']);
  });

  it('fires in condition values, condition keys and principals', () => {
    const doc = policy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::real-bucket/*',
      Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' }, StringEquals: { 'aws:ResourceTag/${TagKey}': 'x', 'aws:SourceAccount': 'account-id' } },
    });
    assert.deepEqual(spans(doc), ['111122223333', 'AROAEXAMPLEID', '${TagKey}', 'account-id']);
  });

  it('fires inside an Fn::Sub template but not on its parameters', () => {
    const doc = on({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::<bucket>/${Prefix}/*' });
    assert.deepEqual(spans(doc), ['<bucket>']);
  });

  it('clean on real-looking values', () => {
    assertClean(ID, on(['arn:aws:s3:::my-company-ml-data/*', 'arn:aws:s3:::sagemaker-us-east-1-210987654321/*', 'arn:aws:iam::210987654321:role/SageMakerExecutionRole', 'arn:aws:sagemaker:us-east-1:210987654321:user-profile/d-abc123/bob', 'arn:aws:kms:us-east-1:210987654321:key/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab', 'arn:aws:ec2:*:*:subnet/*']));
  });

  it('clean on variables, CloudFormation parameters, real condition values and keys', () => {
    assertClean(ID, on(['arn:aws:s3:::b/${aws:username}/*', 'arn:${AWS::Partition}:s3:::${AWS::AccountId}-data/*', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${BucketName}/*' }], {
      Condition: { StringEquals: { 'aws:PrincipalType': 'Account', 'aws:ResourceTag/team': '${aws:PrincipalTag/team}', 'aws:SourceAccount': '210987654321' } },
    }));
  });
});
