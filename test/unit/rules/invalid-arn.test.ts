import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'invalid-arn';
const on = (Resource: unknown, Action: unknown = 's3:GetObject') => policy({ Effect: 'Allow', Action, Resource });

describe(ID, () => {
  it('fires on too few parts and underlines the value', () => {
    const doc = on('arn:aws:s3:bucket');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"arn:aws:s3:bucket"');
    assert.match(f.message, /4 colon-separated parts; an ARN has 6/);
  });

  it('fires on an unknown partition, underlines it and fixes it', () => {
    const doc = on('arn:awz:s3:::bucket/*');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), 'awz');
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:s3:::bucket/*');
  });

  it('fires on an upper-case service and fixes the case', () => {
    const doc = on(['arn:aws:S3:::bucket/*']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), 'S3');
    assert.deepEqual(JSON.parse(applyFix(doc, f)).Statement[0].Resource, ['arn:aws:s3:::bucket/*']);
  });

  it('fires on an account that is not 12 digits and underlines it', () => {
    const doc = on('arn:aws:iam::12345:role/r', 'iam:PassRole');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '12345');
    assert.match(f.message, /5 digits/);
  });

  it('fires on a malformed Region and on a service no ARN uses (with did-you-mean)', () => {
    const [region] = assertFires(ID, on('arn:aws:sagemaker:us-east1:210987654321:domain/d-1', 'sagemaker:DescribeDomain'), {}, 1);
    assert.match(region.message, /not a Region code/);
    const doc = on('arn:aws:sagemakr:us-east-1:210987654321:domain/d-1', 'sagemaker:DescribeDomain');
    const [service] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, service), 'sagemakr');
    assert.equal(JSON.parse(applyFix(doc, service)).Statement[0].Resource, 'arn:aws:sagemaker:us-east-1:210987654321:domain/d-1');
  });

  it('fires on a value that is not an ARN; for S3 actions the fix writes the bucket ARN', () => {
    const doc = on('my-bucket/*');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /not an ARN/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:s3:::my-bucket/*');
    assert.equal(assertFires(ID, on('my-bucket', 'sagemaker:CreateApp'))[0].fixes.length, 0);
  });

  it('fires on whitespace around the ARN and on "ARN:" (fixes both), and on an empty resource part', () => {
    assertFixResolves(ID, on(' arn:aws:s3:::b/* '));
    assertFixResolves(ID, on('ARN:aws:s3:::b/*'));
    assertFires(ID, on('arn:aws:s3:::'), {}, 1);
  });

  it('fires in NotResource too', () => {
    assertFires(ID, policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:bucket' }), {}, 1);
  });

  it('clean on valid ARNs of every shape: global, AWS-owned, other partitions, wildcards', () => {
    assertClean(ID, on(['*', 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*', 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess', 'arn:aws-cn:s3:::b', 'arn:aws-us-gov:sagemaker:us-gov-west-1:210987654321:domain/*', 'arn:*:s3:::b', 'arn:aws:*', 'arn:aws:sagemaker:*:*:*', 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript']));
  });

  it('clean on unknown values: policy variables, CloudFormation parameters and intrinsics', () => {
    assertClean(ID, on(['arn:${AWS::Partition}:s3:::${BucketName}/*', 'arn:aws:s3:::b/${aws:username}/*', 'arn:aws:sagemaker:${aws:RequestedRegion}:${aws:PrincipalAccount}:user-profile/*', '${BucketArn}', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' }, { 'Fn::GetAtt': ['Bucket', 'Arn'] }]));
  });

  it('clean on placeholders (unreplaced-placeholder reports them) and on API Gateway execute-api shorthand', () => {
    assertClean(ID, on(['arn:aws:iam::<ACCOUNT_ID>:role/r', 'arn:aws:kms:region:account-id:key/k', 'arn:aws:s3:::<S3 BucketName>/*']));
    assertClean(ID, policy({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }));
  });
});
