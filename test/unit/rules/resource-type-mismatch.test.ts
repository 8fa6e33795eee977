import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'resource-type-mismatch';
const on = (Action: unknown, Resource: unknown) => policy({ Effect: 'Allow', Action, Resource });

describe(ID, () => {
  it('fires on s3:GetObject on a bucket ARN, underlines it and offers bucket/*', () => {
    const doc = on('s3:GetObject', 'arn:aws:s3:::amzn-bucket');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"arn:aws:s3:::amzn-bucket"');
    assert.match(f.message, /s3:GetObject does not apply to "arn:aws:s3:::amzn-bucket" \(bucket\)/);
    assert.match(f.message, /object \(arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}\)/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:s3:::amzn-bucket/*');
  });

  it('when bucket/* is already listed, the fix removes the bucket ARN', () => {
    const doc = on(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.deepEqual(JSON.parse(applyFix(doc, f)).Statement[0].Resource, ['arn:aws:s3:::b/*']);
  });

  it('fires on an action without resource-level permissions on a concrete ARN; the fix sets Resource to "*"', () => {
    const doc = on('ecr:GetAuthorizationToken', ['arn:aws:ecr:us-east-1:210987654321:repository/my-repo']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /does not support resource-level permissions/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, '*');
  });

  it('fires on Bedrock actions on a SageMaker ARN (another service), without a fix', () => {
    const [f] = assertFires(ID, on(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], 'arn:aws:sagemaker:us-east-1:210987654321:endpoint/my-endpoint'), {}, 1);
    assert.match(f.message, /None of bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream applies/);
    assert.equal(f.fixes.length, 0);
  });

  it('fires through action wildcards (s3:GetObject* on a bucket)', () => {
    assertFires(ID, on('s3:GetObject*', 'arn:aws:s3:::b'), {}, 1);
  });

  it('clean when one action of the statement applies', () => {
    assertClean(ID, on(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']));
    assertClean(ID, on('sagemaker:CreatePresignedDomainUrl', 'arn:aws:sagemaker:us-east-1:210987654321:user-profile/d-abc/*'));
    assertClean(ID, on('iam:PassRole', 'arn:aws:iam::210987654321:role/SageMakerRole'));
  });

  it('clean when the statement has an unknown action, "*" or a wildcard service', () => {
    assertClean(ID, on(['s3:GetObject', 's3:NoSuchAction'], 'arn:aws:s3:::b'));
    assertClean(ID, on(['*'], 'arn:aws:s3:::b'));
    assertClean(ID, on(['s3*:GetObject'], 'arn:aws:s3:::b'));
  });

  it('entries are read in order and only until one fits: an undecided entry before or after the one that fits, or after none fits, keeps it clean', () => {
    // the bucket fits s3:ListBucket, the first entry: later entries are not read
    assertClean(ID, on(['s3:ListBucket', 's3:NoSuchAction'], 'arn:aws:s3:::b'));
    // an undecided entry first: silent, though a later entry would not fit
    assertClean(ID, on(['s3:NoSuchAction', 's3:GetObject'], 'arn:aws:s3:::b'));
    // no entry fits, and the last cannot be decided: silent for every ARN of the statement
    assertClean(ID, on(['s3:GetObject', 's3:PutObject', '*'], ['arn:aws:s3:::b', 'arn:aws:s3:::c']));
    // no entry fits and every one is decided: each ARN is reported
    assertFires(ID, on(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::b', 'arn:aws:s3:::c']), {}, 2);
  });

  it('an ARN met again (another statement, another policy) is judged the same: its formats and child are worked out once', () => {
    for (let pass = 0; pass < 2; pass++) {
      const doc = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::again' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::again' });
      const findings = assertFires(ID, doc, {}, 2);
      for (const f of findings) assert.match(f.message, /Did you mean "arn:aws:s3:::again\/\*"\?/);
      // an ARN of no known format stays invalid-arn's business, every time
      assertClean(ID, on('s3:GetObject', 'arn:aws:nosuchservice:us-east-1:210987654321:thing/again'));
    }
  });

  it('clean when the ARN cannot be decided: variables, intrinsics, a wildcard ARN for service-level actions', () => {
    assertClean(ID, on('s3:GetObject', ['arn:aws:s3:::${aws:username}', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }]));
    assertClean(ID, on('s3:ListAllMyBuckets', 'arn:aws:s3:::*'));
    assertClean(ID, on('logs:DescribeLogGroups', 'arn:aws:logs:*:*:log-group:*'));
  });

  it('clean on NotAction, NotResource and "*"', () => {
    assertClean(ID, policy({ Effect: 'Allow', NotAction: 's3:GetObject', Resource: 'arn:aws:s3:::b' }, { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b' }, { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }));
  });
});
