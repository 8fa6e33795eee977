import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'presigned-url-unrestricted';
const DOMAIN_URL = 'sagemaker:CreatePresignedDomainUrl';
const NOTEBOOK_URL = 'sagemaker:CreatePresignedNotebookInstanceUrl';
const OWNER = { 'sagemaker:ResourceTag/studiouserid': '${aws:PrincipalTag/studiouserid}' };
const presigned = (extra: object = {}) => ({ Effect: 'Allow', Action: DOMAIN_URL, Resource: '*', ...extra });

describe(ID, () => {
  it('fires on CreatePresignedDomainUrl on "*" without an owner restriction, underlining the action', () => {
    const doc = policy(presigned());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), `"${DOMAIN_URL}"`);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^CreatePresignedDomainUrl is allowed on every user profile/);
  });

  it('fix adds the studiouserid tag condition and the rule no longer fires', () => {
    const fixed = JSON.parse(assertFixResolves(ID, policy(presigned())));
    assert.deepEqual(fixed.Statement[0].Condition, { StringEquals: OWNER });
  });

  it('fix merges into an existing StringEquals block of a statement with both presigned actions', () => {
    const doc = policy(presigned({ Action: [DOMAIN_URL, NOTEBOOK_URL], Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /CreatePresignedDomainUrl and CreatePresignedNotebookInstanceUrl are allowed/);
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0].Condition.StringEquals, { 'aws:RequestedRegion': 'us-east-1', ...OWNER });
  });

  it('offers no fix when the statement grants other actions too (the tag condition would deny them)', () => {
    const doc = policy(presigned({ Action: ['sagemaker:DescribeUserProfile', DOMAIN_URL] }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.fixes.length, 0);
    assert.equal(spanOf(doc, f), `"${DOMAIN_URL}"`);
  });

  it('fires on wildcards and wildcard ARNs: sagemaker:CreatePresigned*, user-profile/*, sagemaker:*, *', () => {
    const doc = policy({ Effect: 'Allow', Action: 'sagemaker:CreatePresigned*', Resource: 'arn:aws:sagemaker:us-east-1:111122223333:user-profile/*' });
    assert.equal(spanOf(doc, assertFires(ID, doc, {}, 1)[0]), '"sagemaker:CreatePresigned*"');
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }), {}, 1);
    assertFires(ID, policy({ Effect: 'Allow', Action: '*', Resource: '*' }), {}, 1);
  });

  it('fires when the tag condition is not tied to the caller, or is negated (that allows everyone else\'s profile)', () => {
    assertFires(ID, policy(presigned({ Condition: { StringEquals: { 'sagemaker:ResourceTag/team': 'ml' } } })), {}, 1);
    assertFires(ID, policy(presigned({ Condition: { StringNotEquals: OWNER } })), {}, 1);
  });

  it('fires in fragments (a statement array or a bare statement)', () => {
    assertFires(ID, [presigned()], {}, 1);
    assertFires(ID, presigned(), {}, 1);
  });

  it('clean with the owner tag tied to a principal variable, in either direction and any tag key', () => {
    assertClean(ID, policy(presigned({ Condition: { StringEquals: OWNER } })));
    assertClean(ID, policy(presigned({ Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } })));
    assertClean(ID, policy(presigned({ Condition: { StringEquals: { 'aws:PrincipalTag/team': '${sagemaker:ResourceTag/team}' } } })));
  });

  it('clean on a user-profile ARN built from the caller, or naming one profile', () => {
    assertClean(ID, policy(presigned({ Resource: 'arn:aws:sagemaker:us-east-1:111122223333:user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}' })));
    assertClean(ID, policy(presigned({ Resource: 'arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc123/${aws:username}' })));
    assertClean(ID, policy(presigned({ Resource: 'arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc123/alice' })));
  });

  it('clean when a Deny statement guards the action with an owner tag condition', () => {
    assertClean(ID, policy(presigned(), { Effect: 'Deny', Action: DOMAIN_URL, Resource: '*', Condition: { StringNotEquals: { 'sagemaker:ResourceTag/owner': '${aws:username}' } } }));
  });

  it('clean when the statement never grants the action: Deny, resources of another type, request-tag conditions', () => {
    assertClean(ID, policy({ ...presigned(), Effect: 'Deny' }));
    assertClean(ID, policy(presigned({ Resource: 'arn:aws:sagemaker:*:*:training-job/*' })));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:Create*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } } }));
  });

  it('clean in SCPs, permission boundaries and VPC endpoint policies, which only cap what others grant', () => {
    for (const kind of ['scp', 'boundary', 'endpoint'] as const) assertClean(ID, policy(presigned()), { kind });
  });
});
