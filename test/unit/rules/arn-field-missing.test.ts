import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'arn-field-missing';
const on = (Resource: unknown, Action: unknown = 'ec2:CreateNetworkInterface') => policy({ Effect: 'Allow', Action, Resource });

describe(ID, () => {
  it('fires on an EC2 subnet ARN without a Region and underlines the ARN', () => {
    const doc = on('arn:aws:ec2::210987654321:subnet/subnet-0abc');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"arn:aws:ec2::210987654321:subnet/subnet-0abc"');
    assert.match(f.message, /empty Region field/);
    assert.match(f.message, /subnet: arn:\$\{Partition\}:ec2:\$\{Region\}:\$\{Account\}:subnet/);
  });

  it('fires on a SageMaker ARN without an account', () => {
    const [f] = assertFires(ID, on('arn:aws:sagemaker:us-east-1::domain/d-abc', 'sagemaker:DescribeDomain'), {}, 1);
    assert.match(f.message, /empty account field/);
  });

  it('fires twice when both are missing', () => {
    assertFires(ID, on('arn:aws:sagemaker:::domain/d-abc', 'sagemaker:DescribeDomain'), {}, 2);
  });

  it('clean on AWS-owned SSM documents and public parameters, which have no account', () => {
    assertClean(ID, on(['arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'arn:aws:ssm:*::parameter/aws/service/sagemaker-distribution/*'], 'ssm:SendCommand'));
  });

  it('clean on complete ARNs, wildcards, global services and formats that have no such field', () => {
    assertClean(ID, on(['arn:aws:ec2:us-east-1:210987654321:subnet/*', 'arn:aws:ec2:*:*:subnet/*', 'arn:aws:s3:::bucket', 'arn:aws:iam::210987654321:role/r', 'arn:aws:ec2:us-east-1::image/ami-1', '*']));
  });
});
