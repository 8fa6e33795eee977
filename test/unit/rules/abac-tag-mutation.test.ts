import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'abac-tag-mutation';
/** The Studio ABAC team policy's gate: change only resources of the caller's team. */
const teamGate = { Effect: 'Allow', Action: ['sagemaker:Delete*', 'sagemaker:Update*'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': '${sagemaker:ResourceTag/team}' } } };
const addTags = (extra: object = {}) => ({ Effect: 'Allow', Action: 'sagemaker:AddTags', Resource: '*', ...extra });

describe(ID, () => {
  it('fires on AddTags on * next to a team-tag gate (the Studio ABAC team policy), naming the tag', () => {
    const doc = policy(teamGate, addTags());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:AddTags"');
    assert.match(f.message, /"team"/);
  });

  it('fires for a gate written as a Deny with a negated operator (the Lake Formation permission set)', () => {
    const doc = policy(
      addTags(),
      { Effect: 'Deny', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*', Condition: { StringNotEquals: { 'sagemaker:ResourceTag/studiouserid': '${aws:PrincipalTag/studiouserid}' } } },
    );
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /"studiouserid"/);
  });

  it('fires once for a statement granting AddTags and DeleteTags, and when the new value is only tied to the caller', () => {
    const [f] = assertFires(ID, policy(teamGate, addTags({ Action: ['sagemaker:AddTags', 'sagemaker:DeleteTags'] })), {}, 1);
    assert.match(f.message, /AddTags and DeleteTags/);
    // Setting team to one's own team on another team's resource is the attack itself.
    assertFires(ID, policy(teamGate, addTags({ Condition: { StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } } })), {}, 1);
  });

  it('clean when GUARDED in the Allow: own resources only, other tag keys only, or tagging on create only', () => {
    assertClean(ID, policy(teamGate, addTags({ Condition: { StringEquals: { 'sagemaker:ResourceTag/team': '${aws:PrincipalTag/team}' } } })));
    assertClean(ID, policy(teamGate, addTags({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project', 'cost-center'] } } })));
    assertClean(ID, policy(teamGate, addTags({ Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['team'] } } })));
    assertClean(ID, policy(teamGate, addTags({ Condition: { StringEquals: { 'sagemaker:TaggingAction': 'CreateSpace' } } })));
  });

  it('clean when DENIED: a separate Deny of AddTags on the tag key', () => {
    assertClean(ID, policy(teamGate, addTags(), { Effect: 'Deny', Action: ['sagemaker:AddTags', 'sagemaker:DeleteTags'], Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } } }));
    assertClean(ID, policy(teamGate, addTags(), { Effect: 'Deny', Action: 'sagemaker:AddTags', Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } }));
  });

  it('clean: a Deny statement itself never fires', () => {
    assertClean(ID, policy(teamGate, { ...addTags(), Effect: 'Deny' }));
  });

  it('clean without caller-tied tag gating, or when tagging cannot reach the gated resources', () => {
    assertClean(ID, policy(addTags()));
    assertClean(ID, policy({ ...teamGate, Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } } }, addTags()));
    const profileGate = { Effect: 'Allow', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*', Condition: { StringEquals: { 'sagemaker:ResourceTag/studiouserid': '${aws:username}' } } };
    assertClean(ID, policy(profileGate, addTags({ Resource: 'arn:aws:sagemaker:*:*:app/*' })));
  });
});
