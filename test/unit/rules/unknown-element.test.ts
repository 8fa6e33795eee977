import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { assertClean, assertFires, assertFixResolves, findingsOf, policy, spanOf } from '../helpers';

const ID = 'unknown-element';
const statement = (extra: object = {}) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });

describe(ID, () => {
  it('fires on "Actions" and the fix renames it to "Action"', () => {
    const doc = policy({ Effect: 'Allow', Actions: ['s3:GetObject'], Resource: '*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"Actions"');
    assert.match(f.message, /Did you mean "Action"\?/);
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed.Statement[0], { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' });
  });

  it('fires on plurals, wrong case and typos with a rename each: Resources, Conditions, effect, Efect', () => {
    const doc = policy({ effect: 'Allow', Action: 's3:GetObject', Resources: '*', Conditions: { Bool: { 'aws:SecureTransport': 'true' } } });
    const found = assertFires(ID, doc, {}, 3);
    assert.deepEqual(found.map((f) => f.fixes[0]?.title), ['Rename "effect" to "Effect"', 'Rename "Resources" to "Resource"', 'Rename "Conditions" to "Condition"']);
    const [typo] = assertFires(ID, policy({ Efect: 'Allow', Action: 's3:GetObject', Resource: '*' }), {}, 1);
    assert.equal(typo.fixes[0].title, 'Rename "Efect" to "Effect"');
  });

  it('fires on a top-level Sid: it belongs inside a statement, and there is no fix', () => {
    const doc = { Version: '2012-10-17', Sid: 'ReadBucket', Statement: [statement()] };
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"Sid"');
    assert.match(f.message, /belongs inside a statement/);
    assert.equal(f.fixes.length, 0);
  });

  it('fires on Version inside a statement: it belongs at the top level', () => {
    const [f] = assertFires(ID, policy(statement({ Version: '2012-10-17' })), {}, 1);
    assert.match(f.message, /belongs at the top level/);
    assert.equal(f.fixes.length, 0);
  });

  it('fires on a misspelled top-level "Statment" and the fix renames it to "Statement"', () => {
    const doc = { Version: '2012-10-17', Statment: [statement()] };
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.deepEqual(fixed, { Version: '2012-10-17', Statement: [statement()] });
  });

  it('fires on lower-case "version" with a rename to "Version"', () => {
    const doc = { version: '2012-10-17', Statement: [statement()] };
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.equal(fixed.Version, '2012-10-17');
  });

  it('fires without a fix when the corrected name is already present', () => {
    const [f] = assertFires(ID, policy(statement({ Actions: 's3:PutObject' })), {}, 1);
    assert.equal(f.fixes.length, 0);
    assert.match(f.message, /Did you mean "Action"/);
  });

  it('fires on a name far from any element, listing the valid ones', () => {
    const [f] = assertFires(ID, policy(statement({ Description: 'read the bucket' })), {}, 1);
    assert.match(f.message, /Valid elements: Sid, Effect, Principal/);
    assert.equal(f.fixes.length, 0);
  });

  it('fires in a fragment (bare statement array) on a statement-level typo', () => {
    const doc = [{ Effect: 'Allow', Action: 's3:GetObject', Resources: '*' }];
    const fixed = JSON.parse(assertFixResolves(ID, doc));
    assert.equal(fixed[0].Resource, '*');
  });

  it('clean with every valid element (Id; Sid, Principal, NotAction, NotResource, Condition)', () => {
    assertClean(ID, { Version: '2012-10-17', Id: 'BucketPolicy', Statement: [{ Sid: 'A', Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', NotResource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });
    assertClean(ID, policy({ Sid: 'B', Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }));
  });

  it('clean: missing-element does not double-report a plural it can read (Actions)', () => {
    assert.deepEqual(findingsOf('missing-element', policy({ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' })), []);
  });

  it('clean: non-policy JSON (tsconfig.json) gets no finding', () => {
    assert.deepEqual(lint(JSON.stringify({ compilerOptions: { strict: true, Actions: 1 } })).findings, []);
  });
});
