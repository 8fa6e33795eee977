import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'studio-space-not-owner-scoped';
const OWNER_ARN = 'arn:aws:sagemaker:*:*:user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}';
const spaces = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:CreateSpace', 'sagemaker:UpdateSpace', 'sagemaker:DeleteSpace'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on space actions on * without an owner condition, once, on the first granting entry', () => {
    const doc = policy(spaces());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateSpace"');
    assert.match(f.message, /sagemaker:OwnerUserProfileArn/);
  });

  it('fires on sagemaker:*App on * (the Data Wrangler Studio access policy) and on space/${sagemaker:DomainId}/*', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: ['sagemaker:DescribeApp', 'sagemaker:*App'], Resource: '*' }), {}, 1);
    assert.match(f.message, /CreateApp and DeleteApp/);
    assertFires(ID, policy(spaces({ Resource: 'arn:aws:sagemaker:*:*:space/${sagemaker:DomainId}/*' })), {}, 1);
  });

  it('clean when GUARDED: the owner condition (the Lake Formation group policy), shared-only spaces, a team tag tied to the caller', () => {
    assertClean(ID, policy(spaces({ Resource: 'arn:aws:sagemaker:*:*:space/${sagemaker:DomainId}/*', Condition: { ArnLike: { 'sagemaker:OwnerUserProfileArn': OWNER_ARN }, StringEquals: { 'sagemaker:SpaceSharingType': ['Private', 'Shared'] } } })));
    assertClean(ID, policy(spaces({ Condition: { StringEquals: { 'sagemaker:SpaceSharingType': 'Shared' } } })));
    assertClean(ID, policy(spaces({ Condition: { StringEquals: { 'aws:PrincipalTag/team': '${sagemaker:ResourceTag/team}' } } })));
  });

  it('clean when the resource names the caller\'s own profile', () => {
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:CreateApp', 'sagemaker:DeleteApp'], Resource: 'arn:aws:sagemaker:*:*:app/${sagemaker:DomainId}/${sagemaker:UserProfileName}/*/*' }));
  });

  it('clean when DENIED: a separate Deny unless the caller owns the space', () => {
    assertClean(ID, policy(spaces(), { Effect: 'Deny', Action: ['sagemaker:CreateSpace', 'sagemaker:UpdateSpace', 'sagemaker:DeleteSpace'], Resource: '*', Condition: { ArnNotLike: { 'sagemaker:OwnerUserProfileArn': OWNER_ARN } } }));
  });

  it('clean: a Deny statement itself never fires; NotResource that excludes spaces and apps grants none', () => {
    assertClean(ID, policy({ ...spaces(), Effect: 'Deny' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', NotResource: ['arn:aws:sagemaker:*:*:space/*', 'arn:aws:sagemaker:*:*:app/*'], Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }));
  });
});
