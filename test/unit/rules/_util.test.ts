import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionPatternCovers } from '../../../server/src/engine/match';
import { parsePolicy } from '../../../server/src/engine/parse/parse';
import { actionPatternsFor, ActionPatternList, grantsAction, mayCoverAt, mayNameServices, servicesMask } from '../../../server/src/engine/rules/_util';
import { policy } from '../helpers';

const statementOf = (s: object) => parsePolicy(JSON.stringify(policy(s))).statements[0];
const SAGEMAKER = servicesMask('sagemaker');
const IAM = servicesMask('iam');

describe('_util: the per-statement service fact', () => {
  it('names the services an Action lists literally, in any case', () => {
    const s = statementOf({ Effect: 'Allow', Action: ['s3:GetObject', 'S3:PutObject', 'SageMaker:CreateDomain'], Resource: '*' });
    assert.equal(mayNameServices(s, SAGEMAKER), true);
    assert.equal(mayNameServices(s, IAM), false);
    assert.deepEqual(actionPatternsFor(s, 'sagemaker'), ['SageMaker:CreateDomain']);
    assert.deepEqual(actionPatternsFor(s, 's3'), ['s3:GetObject', 'S3:PutObject']);
  });

  it('a wildcard service, a missing colon or a non-ASCII prefix can name any service', () => {
    for (const action of ['*', 'sage*:List*', '*:Get*', 'iam', 'ia\u212A:PassRole']) {
      assert.equal(mayNameServices(statementOf({ Effect: 'Allow', Action: action, Resource: '*' }), SAGEMAKER), true, action);
    }
  });

  it('a service registered after a statement was looked at still gets its answer', () => {
    const s = statementOf({ Effect: 'Allow', Action: ['kinesisvideo:GetMedia'], Resource: '*' });
    assert.equal(mayNameServices(s, SAGEMAKER), false);
    assert.equal(mayNameServices(s, servicesMask('kinesisvideo')), true);
  });

  it('reads the entries of a service from its runs, in list order, without variables or intrinsics', () => {
    const s = statementOf({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'S3:PutObject', 'iam:PassRole', { Ref: 'Extra' }, 'iam:Get${aws:username}', 's3:List*', 'IAM:GetRole', 'ec2:RunInstances'],
      Resource: '*',
    });
    assert.deepEqual(actionPatternsFor(s, 's3'), ['s3:GetObject', 'S3:PutObject', 's3:List*']);
    assert.deepEqual(actionPatternsFor(s, 'iam'), ['iam:PassRole', 'IAM:GetRole']);
    assert.deepEqual(actionPatternsFor(s, 'ec2'), ['ec2:RunInstances']);
    assert.deepEqual(actionPatternsFor(s, 'sagemaker'), []);
    assert.deepEqual(actionPatternsFor(s, 'kinesisvideo'), []);
  });

  it('a statement whose entries can name any service still answers in list order', () => {
    const s = statementOf({ Effect: 'Allow', Action: ['iam:GetRole', 'sage*:List*', 's3:GetObject', 'Iam:PassRole', '*:Describe*'], Resource: '*' });
    assert.deepEqual(actionPatternsFor(s, 'iam'), ['iam:GetRole', 'Iam:PassRole', '*:Describe*']);
    assert.deepEqual(actionPatternsFor(s, 'sagemaker'), ['sage*:List*', '*:Describe*']);
  });

  it('mayCoverAt rules a pattern out only when the glob match would', () => {
    const patterns = ['iam:PassRole', 'iam:pass*', 'iam:*', 'iam:?assRole', 'iam:Get*', 'iam:', 'iam:\u212Aey', 'iam:#x'];
    for (const action of ['iam:PassRole', 'iam:GetRole', 'iam:Key', 'iam:#x']) {
      for (const p of patterns) if (!mayCoverAt(p, action, 'iam:'.length)) assert.equal(actionPatternCovers(p, action), false, `${p} ${action}`);
    }
    assert.equal(mayCoverAt('iam:Get*', 'iam:PassRole', 4), false);
  });

  it('grantsAction reads only the entries of the service, with the same answers', () => {
    const s = statementOf({ Effect: 'Allow', Action: ['s3:GetObject', 'iam:Pass*', 'ec2:Describe*'], Resource: '*' });
    assert.equal(grantsAction(s, 'iam:PassRole'), true);
    assert.equal(grantsAction(s, 'iam:GetRole'), false);
    assert.equal(grantsAction(statementOf({ Effect: 'Allow', Action: 'i*Pass*', Resource: '*' }), 'iam:PassRole'), true);
  });
});

describe('_util: ActionPatternList', () => {
  it('answers as trying every pattern with actionPatternCovers', () => {
    const patterns = ['s3:GetObject', 'IAM:Pass*', 'ec2:*', '*:List*', 'kms', 'sts:Assume?ole', 'ia\u212A:GetRole', 'lambda:Invoke${x}'];
    const list = new ActionPatternList(patterns);
    const texts = ['s3:getobject', 's3:GetObjectAcl', 'iam:PassRole', 'iam:passrole', 'ec2:RunInstances', 'rds:ListTags', 'kms', 'KMS',
      'sts:AssumeRole', 'iam:GetRole', 'iak:GetRole', 'lambda:Invoke${x}', 'lambda:InvokeFunction', 's3:Get*', 'ec2:Describe*', 'ia\u212A:getrole'];
    for (const text of texts) assert.equal(list.coversAny(text), patterns.some((p) => actionPatternCovers(p, text)), text);
  });
});
