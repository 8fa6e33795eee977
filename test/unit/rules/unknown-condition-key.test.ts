import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'unknown-condition-key';
const stmt = (action: string, condition: object) => policy({ Effect: 'Allow', Action: action, Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on an unknown aws: key, underlines the key and suggests the closest documented keys', () => {
    const doc = stmt('s3:GetObject', { StringEquals: { 'aws:SourceVpcId': 'vpc-1a2b3c4d' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"aws:SourceVpcId"');
    assert.match(f.message, /not a global condition key/);
    assert.match(f.message, /never true/);
    assert.ok(f.fixes.length >= 1 && f.fixes.length <= 3);
    assert.equal(f.fixes[0].title, 'Change aws:SourceVpcId to aws:SourceVpc');
    assert.equal(JSON.parse(applyFix(doc, f, f.fixes[0].title)).Statement[0].Condition.StringEquals['aws:SourceVpc'], 'vpc-1a2b3c4d');
  });

  it('fires on an unknown service key (the catalog example) with a preferred did-you-mean fix', () => {
    const doc = stmt('iam:PassRole', { StringEquals: { 'iam:PassedToReception': 'sagemaker.amazonaws.com' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /not a condition key of iam/);
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
  });

  it('fires on a tag key with a misspelled stem and keeps the tag name in the suggestion', () => {
    const [f] = assertFires(ID, stmt('sagemaker:CreateTrainingJob', { StringEquals: { 'aws:RequestTags/team': 'ml' } }), {}, 1);
    assert.ok(f.fixes.some((x) => x.title === 'Change aws:RequestTags/team to aws:RequestTag/team'));
  });

  it('fires on a key without the aws: prefix and offers the prefixed key', () => {
    const fixed = assertFixResolves(ID, stmt('s3:GetObject', { IpAddress: { SourceIp: '203.0.113.0/24' } }));
    assert.ok(JSON.parse(fixed).Statement[0].Condition.IpAddress['aws:SourceIp']);
  });

  it('says the condition restricts nothing under IfExists or a negated operator', () => {
    const [f] = assertFires(ID, stmt('s3:GetObject', { StringNotEqualsIfExists: { 'aws:SourceVpcId': 'vpc-1' } }), {}, 1);
    assert.match(f.message, /restricts nothing/);
  });

  it('clean on keys in another case (condition keys are case-insensitive)', () => {
    assertClean(ID, stmt('s3:GetObject', { StringEquals: { 'AWS:SOURCEVPCE': 'vpce-1', 'S3:prefix': 'home/' } }));
  });

  it('clean on documented keys: global, tag patterns, cross-service, service, federation and quirky tag spellings', () => {
    assertClean(ID, stmt('sagemaker:CreateTrainingJob', {
      StringEquals: {
        'aws:PrincipalTag/team': 'ml',
        'aws:ResourceTag/project': 'x',
        'sagemaker:ResourceTag/owner': 'me',
        'sagemaker:VolumeKmsKeyArn': 'arn:aws:kms:us-east-1:111122223333:key/1',
        'ec2:SourceInstanceArn': 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
        'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bucket',
        'secretsmanager:ResourceTag/SageMaker': 'true',
        'saml:aud': 'https://signin.aws.amazon.com/saml',
      },
    }));
  });

  it('clean when the data cannot judge: unknown provider prefixes, variables, services not in the data', () => {
    assertClean(ID, stmt('sts:AssumeRoleWithWebIdentity', {
      StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:x', 'nosuchservice:Key': 'x', 'aws:PrincipalTag/${aws:username}': 'x' },
    }));
  });
});
