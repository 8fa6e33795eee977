import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'missing-element';
const trustStatement = { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' };
const bucketStatement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

describe(ID, () => {
  it('fires on a policy without Statement, at the opening brace', () => {
    const doc = { Version: '2012-10-17' };
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.offset, 0);
    assert.equal(spanOf(doc, f), '{');
    assert.match(f.message, /no "Statement"/);
  });

  it('fires on a statement without Effect, naming it by Sid', () => {
    const doc = policy({ Sid: 'ReadData', Action: 's3:GetObject', Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /^Statement "ReadData" has no "Effect"/);
    assert.equal(spanOf(doc, f), '{');
  });

  it('fires once per statement, listing everything it lacks (identity: Action and Resource)', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow' }), {}, 1);
    assert.match(f.message, /^Statement 1 has no "Action" or "NotAction", no "Resource" or "NotResource"/);
  });

  it('fires on a missing Resource in identity, boundary and SCP documents', () => {
    const doc = policy({ Effect: 'Allow', Action: 's3:GetObject' });
    for (const kind of [undefined, 'boundary', 'scp'] as const) assertFires(ID, doc, kind ? { kind } : {}, 1);
  });

  it('fires on a missing Principal in resource, trust and endpoint policies', () => {
    assert.match(assertFires(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), { kind: 'resource' }, 1)[0].message, /no "Principal" or "NotPrincipal"/);
    assert.match(assertFires(ID, policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }), { kind: 'trust' }, 1)[0].message, /no "Principal"/);
    assertFires(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), { kind: 'endpoint' }, 1);
  });

  it('fires on a statement of a detected bucket policy that lacks Principal', () => {
    const doc = policy(bucketStatement, { Sid: 'NoPrincipal', Effect: 'Deny', Action: 's3:*', Resource: '*' });
    assert.match(assertFires(ID, doc, {}, 1)[0].message, /"NoPrincipal" has no "Principal"/);
  });

  it('fires in a fragment on a statement without Resource, unless it is a trust statement', () => {
    assertFires(ID, [{ Effect: 'Allow', Action: 's3:GetObject' }], {}, 1);
    assertFires(ID, { Effect: 'Allow', Action: 's3:GetObject', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, {}, 1);
    assertClean(ID, [trustStatement]);
  });

  it('clean: a role trust policy needs no Resource', () => {
    assertClean(ID, policy(trustStatement));
    assertClean(ID, policy({ ...trustStatement, Action: ['sts:AssumeRole', 'sts:TagSession'] }), { kind: 'trust' });
  });

  it('clean: NotAction, NotResource and NotPrincipal count as the element', () => {
    assertClean(ID, policy({ Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::111122223333:role/x' }));
    assertClean(ID, policy({ ...bucketStatement, Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Effect: 'Deny' }), { kind: 'resource' });
  });

  it('clean: a fragment does not need Principal, and a complete identity statement is clean', () => {
    assertClean(ID, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    assertClean(ID, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    assertClean(ID, policy(bucketStatement));
  });

  it('clean: wrongly cased or plural element names are left to unknown-element', () => {
    assertClean(ID, policy({ effect: 'Allow', Actions: 's3:GetObject', resources: '*' }));
    assertClean(ID, { Version: '2012-10-17', statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  });

  it('clean: non-policy JSON gets no finding', () => {
    assert.deepEqual(lint('{"name":"my-app","version":"1.0.0"}').findings, []);
  });
});
