import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'create-without-tags';
const teamGate = { Effect: 'Allow', Action: ['sagemaker:Delete*', 'sagemaker:Stop*'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': '${sagemaker:ResourceTag/team}' } } };
const create = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:CreateApp'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on create actions without tag conditions in a tag-gated document, once per statement', () => {
    const doc = policy(teamGate, create());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateTrainingJob"');
    assert.match(f.message, /CreateApp and CreateTrainingJob/);
    assert.match(f.message, /"team"/);
  });

  it('fires on the separate CreateApp statement of the Studio ABAC team policy', () => {
    assertFires(ID, policy(teamGate, { Effect: 'Allow', Action: 'sagemaker:CreateApp', Resource: '*' }), {}, 1);
  });

  it('clean when GUARDED: aws:TagKeys / aws:RequestTag (the ABAC Create* statement), or a resource-tag condition', () => {
    assertClean(ID, policy(teamGate, create({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] }, StringEqualsIfExists: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } } })));
    assertClean(ID, policy(teamGate, create({ Condition: { StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } } })));
    assertClean(ID, policy(teamGate, create({ Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })));
  });

  it('clean when DENIED: a separate Deny of untagged creates', () => {
    assertClean(ID, policy(teamGate, create(), { Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*', Condition: { Null: { 'aws:RequestTag/team': 'true' } } }));
  });

  it('clean: a Deny statement itself never fires', () => {
    assertClean(ID, policy(teamGate, { ...create(), Effect: 'Deny' }));
  });

  it('clean without tag-based access, and for creates of resource types no gated statement covers', () => {
    assertClean(ID, policy(create()));
    const profileGate = { Effect: 'Allow', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*', Condition: { StringEquals: { 'sagemaker:ResourceTag/studiouserid': '${aws:username}' } } };
    assertClean(ID, policy(profileGate, { Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*' }));
  });
});
