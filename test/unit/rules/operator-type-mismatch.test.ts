import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'operator-type-mismatch';
const stmt = (condition: object, action = 'sagemaker:CreateTrainingJob') => policy({ Effect: 'Allow', Action: action, Resource: '*', Condition: condition });

describe(ID, () => {
  it('fires on a Numeric operator on a String key and underlines the key', () => {
    const doc = stmt({ 'ForAnyValue:NumericLessThan': { 'sagemaker:InstanceTypes': '5' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:InstanceTypes"');
    assert.match(f.message, /NumericLessThan compares numbers/);
    assert.match(f.message, /StringEquals or StringLike/);
  });

  it('fires on Bool with "yes" and underlines the value', () => {
    const doc = stmt({ Bool: { 'aws:SecureTransport': 'yes' } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"yes"');
    assert.match(f.message, /"true" or "false"/);
  });

  it('fires on a bad date, a bad CIDR and a non-number', () => {
    assertFires(ID, stmt({ DateGreaterThan: { 'aws:CurrentTime': '2025-02-30T00:00:00Z' } }), {}, 1);
    assertFires(ID, stmt({ DateLessThan: { 'aws:CurrentTime': 'tomorrow' } }), {}, 1);
    assertFires(ID, stmt({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/33', '300.1.1.1', '10.0.0.0/8'] } }), {}, 2);
    assertFires(ID, stmt({ NotIpAddress: { 'aws:SourceIp': ['010.0.0.1', 'fe80::1%eth0', '2001:db8::1::2', '2001:db8::/129', '::ffff:192.0.2.1/128'] } }), {}, 4);
    assertFires(ID, stmt({ NumericLessThanEquals: { 'sagemaker:MaxRuntimeInSeconds': 'one hour' } }), {}, 1);
  });

  it('fires on Arn* on a non-ARN key, and on Bool / IpAddress / Date operators on keys of another type', () => {
    const [arn] = assertFires(ID, stmt({ ArnLike: { 'aws:SourceAccount': '111122223333' } }), {}, 1);
    assert.match(arn.message, /ArnLike compares ARNs/);
    assertFires(ID, stmt({ Bool: { 'sagemaker:DirectInternetAccess': 'true' } }, 'sagemaker:CreateNotebookInstance'), {}, 1);
    assertFires(ID, stmt({ IpAddress: { 'aws:SourceVpc': '10.0.0.0/16' } }), {}, 1);
    assertFires(ID, stmt({ DateGreaterThan: { 'aws:MultiFactorAuthAge': '2025-01-01' } }), {}, 1);
  });

  it('fires on a Null value that is not true/false and on a value that is not base64', () => {
    assertFires(ID, stmt({ Null: { 'aws:TagKeys': 'no' } }), {}, 1);
    assertFires(ID, stmt({ BinaryEquals: { 'aws:x': 'not base64!' } }), {}, 1);
  });

  it('clean on matching types and well-formed values', () => {
    assertClean(ID, stmt({
      'ForAllValues:StringLike': { 'sagemaker:InstanceTypes': 'ml.m5.*' },
      NumericLessThanEquals: { 'sagemaker:MaxRuntimeInSeconds': 86400, 'aws:MultiFactorAuthAge': '3600' },
      Bool: { 'sagemaker:NetworkIsolation': true, 'aws:SecureTransport': 'True' },
      DateGreaterThan: { 'aws:CurrentTime': '2025-01-31T12:00:00Z', 'aws:TokenIssueTime': '2025-01-31' },
      NumericGreaterThan: { 'aws:EpochTime': '1735689600' },
      DateLessThan: { 'aws:EpochTime': '1735689600' },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'] },
      ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:*', 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:111122223333:*' },
      StringEquals: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-1', 'sagemaker:NetworkIsolation': 'true' },
      Null: { 'sagemaker:VolumeKmsKeyArn': 'false' },
    }));
  });

  it('clean on policy variables, CloudFormation intrinsics and unknown keys (values still checked only where certain)', () => {
    assertClean(ID, stmt({
      DateLessThan: { 'aws:CurrentTime': '${aws:TokenIssueTime}' },
      NumericLessThan: { 'nosuchservice:Count': { Ref: 'MaxCount' } },
      IpAddress: { 'aws:SourceIp': { 'Fn::ImportValue': 'CorpCidr' } },
      ArnLike: { 'nosuchservice:Thing': 'arn:aws:s3:::x' },
    }));
  });
});
