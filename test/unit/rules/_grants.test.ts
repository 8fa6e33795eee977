import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reference } from '../../../server/src/engine/data/reference';
import { parsePolicy } from '../../../server/src/engine/parse/parse';
import { deniedWithGuard, effectivelyGrants, globsIntersect, keyIs, resourceApplies, ruleGrants } from '../../../server/src/engine/rules/_grants';
import { policy } from '../helpers';

const action = (name: string) => {
  const [service, n] = name.split(':');
  const a = reference().action(service, n);
  assert.ok(a, name);
  return a;
};
const statementOf = (s: object) => parsePolicy(JSON.stringify(policy(s))).statements[0];

describe('_grants: effectivelyGrants', () => {
  it('a condition on request tags rules out actions that carry no tags (the Studio ABAC team policy)', () => {
    const s = statementOf({
      Effect: 'Allow',
      Action: 'sagemaker:Create*',
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] }, StringEqualsIfExists: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } },
    });
    assert.equal(effectivelyGrants(s, action('sagemaker:CreatePresignedDomainUrl')), false);
    assert.equal(effectivelyGrants(s, action('sagemaker:CreateTrainingJob')), true);
  });

  it('...IfExists, ForAllValues:, negated operators and Null "true" hold when the key is absent', () => {
    const presigned = action('sagemaker:CreatePresignedDomainUrl');
    for (const condition of [
      { StringEqualsIfExists: { 'aws:RequestTag/team': 'a' } },
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
      { StringNotEquals: { 'aws:RequestTag/team': 'a' } },
      { Null: { 'aws:RequestTag/team': 'true' } },
    ]) {
      assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: condition }), presigned), true, JSON.stringify(condition));
    }
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { Null: { 'aws:RequestTag/team': 'false' } } }), presigned), false);
  });

  it('global keys and keys of the action (also through its resource types) never rule it out', () => {
    const s = statementOf({ Effect: 'Allow', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*', Condition: { StringEquals: { 'sagemaker:ResourceTag/owner': '${aws:userid}', 'aws:SourceVpce': 'vpce-1' } } });
    assert.equal(effectivelyGrants(s, action('sagemaker:CreatePresignedDomainUrl')), true);
  });

  it('a key of another service rules the action out', () => {
    const s = statementOf({ Effect: 'Allow', Action: ['iam:PassRole', 'sagemaker:CreateTrainingJob'], Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } });
    assert.equal(effectivelyGrants(s, action('sagemaker:CreateTrainingJob')), false);
    assert.equal(effectivelyGrants(s, action('iam:PassRole')), true);
  });

  it('Deny, other actions and unreachable resources do not grant', () => {
    const a = action('sagemaker:CreateTrainingJob');
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Deny', Action: 'sagemaker:*', Resource: '*' }), a), false);
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }), a), false);
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:sagemaker:*:*:endpoint/*' }), a), false);
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:sagemaker:*:*:training-job/team-a-*' }), a), true);
    // Only an optional resource type of the action (AmazonSageMakerFullAccess's training-plan statement).
    assert.equal(effectivelyGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: 'arn:aws:sagemaker:*:*:training-plan/*' }), a), false);
  });

  it('NotResource grants what it does not exclude', () => {
    const s = statementOf({ Effect: 'Allow', Action: 'sagemaker:*', NotResource: ['arn:aws:sagemaker:*:*:space/*', 'arn:aws:sagemaker:*:*:app/*'] });
    assert.equal(effectivelyGrants(s, action('sagemaker:CreateSpace')), false);
    assert.equal(effectivelyGrants(s, action('sagemaker:CreateTrainingJob')), true);
  });

  it('ruleGrants ignores "*" entries and plain full SageMaker access', () => {
    const a = action('sagemaker:CreateTrainingJob');
    assert.deepEqual(ruleGrants(statementOf({ Effect: 'Allow', Action: '*', Resource: '*' }), [a]), []);
    assert.deepEqual(ruleGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }), [a]), []);
    assert.deepEqual(ruleGrants(statementOf({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*' }), [a]), [a]);
  });
});

describe('_grants: resources and guards', () => {
  it('globsIntersect', () => {
    assert.equal(globsIntersect('training-job/*', 'training-job/abc'), true);
    assert.equal(globsIntersect('training-job/*', 'training-plan/*'), false);
    assert.equal(globsIntersect('a*c', '*b*'), true);
    assert.equal(globsIntersect('a?c', 'ab*'), true);
  });

  it('resourceApplies compares the ARN fields one by one and reads variables as wildcards', () => {
    assert.equal(resourceApplies('arn:aws:sagemaker:*:*:flow-definition/*', action('sagemaker:CreatePresignedNotebookInstanceUrl')), false);
    assert.equal(resourceApplies('arn:aws:sagemaker:*:*:space/${sagemaker:DomainId}/*', action('sagemaker:CreateSpace')), true);
    assert.equal(resourceApplies('arn:aws:sagemaker:*:*:*', action('sagemaker:CreateSpace')), true);
  });

  it('deniedWithGuard: a Deny covering the action with the key, but not Null "false"', () => {
    const a = action('sagemaker:CreateTrainingJob');
    const doc = (condition: object) => parsePolicy(JSON.stringify(policy({ Effect: 'Deny', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition })));
    assert.equal(deniedWithGuard(doc({ Null: { 'sagemaker:VpcSubnets': 'true' } }), a, keyIs('sagemaker:VpcSubnets')), true);
    assert.equal(deniedWithGuard(doc({ Null: { 'sagemaker:VpcSubnets': 'false' } }), a, keyIs('sagemaker:VpcSubnets')), false);
    const notAction = parsePolicy(JSON.stringify(policy({ Effect: 'Deny', NotAction: 'sagemaker:Describe*', Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } } })));
    assert.equal(deniedWithGuard(notAction, a, keyIs('sagemaker:VpcSubnets')), true);
  });
});
