import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'invalid-type';
const statement = (extra: object = {}) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });

describe(ID, () => {
  it('fires on a number Effect and underlines the value', () => {
    const doc = policy(statement({ Effect: 1 }));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '1');
    assert.equal(f.message, '"Effect" must be the string "Allow" or "Deny", not a number: IAM rejects the policy.');
  });

  it('fires on an array Version and a number Id', () => {
    const doc = { Version: ['2012-10-17'], Id: 5, Statement: [statement()] };
    const found = assertFires(ID, doc, {}, 2);
    assert.match(found[0].message, /"Version" must be a string, not an array/);
    assert.match(found[1].message, /"Id" must be a string, not a number/);
  });

  it('fires on an object Action and a null Effect', () => {
    assert.match(assertFires(ID, policy(statement({ Action: { s3: 'GetObject' } })), {}, 1)[0].message, /"Action" must be a string or an array of strings, not an object/);
    assert.match(assertFires(ID, policy(statement({ Effect: null })), {}, 1)[0].message, /not null/);
  });

  it('fires on an array with a number in it (NotResource, NotAction), naming the entry type', () => {
    assert.match(assertFires(ID, policy({ Effect: 'Deny', NotAction: ['s3:*', 7], Resource: '*' }), {}, 1)[0].message, /not an array with a number in it/);
    assert.match(assertFires(ID, policy({ Effect: 'Deny', Action: 's3:*', NotResource: [['arn:aws:s3:::b']] }), {}, 1)[0].message, /not an array with an array in it/);
  });

  it('fires on a Principal array, a Principal entry of the wrong type, and a non-object Condition', () => {
    assert.match(assertFires(ID, policy(statement({ Principal: ['*'] })), { kind: 'resource' }, 1)[0].message, /"Principal" must be an object/);
    assert.match(assertFires(ID, policy(statement({ Principal: { Service: [1] } })), {}, 1)[0].message, /"Service" must be a string or an array of strings, not an array with a number/);
    assert.match(assertFires(ID, policy(statement({ Condition: ['StringEquals'] })), {}, 1)[0].message, /"Condition" must be an object of condition operators/);
  });

  it('fires on a condition operator that is not an object and a condition value that is an object', () => {
    const doc = policy(statement({ Condition: { StringEquals: 'aws:SourceVpce', Bool: { 'aws:SecureTransport': { value: true } } } }));
    const found = assertFires(ID, doc, {}, 2);
    assert.equal(spanOf(doc, found[0]), '"aws:SourceVpce"');
    assert.match(found[0].message, /"StringEquals" must be an object of condition keys and values, not a string/);
    assert.match(found[1].message, /"aws:SecureTransport" must be a string, number, boolean or an array of them, not an object/);
  });

  it('fires on a Statement that is a string, and on entries of Statement that are not objects', () => {
    assert.match(assertFires(ID, { Version: '2012-10-17', Statement: 'Allow everything' }, {}, 1)[0].message, /"Statement" must be an array of statements or one statement object, not a string/);
    const found = assertFires(ID, { Version: '2012-10-17', Statement: [statement(), 'Deny', 3] }, {}, 2);
    assert.match(found[0].message, /Each entry of "Statement" must be a statement object, not a string/);
  });

  it('fires in a fragment', () => {
    assertFires(ID, [statement({ Effect: true })], {}, 1);
  });

  it('clean: numbers and booleans as condition values, alone or in arrays', () => {
    assertClean(ID, policy(statement({ Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThanEquals: { 's3:max-keys': [10, '20'] } } })));
  });

  it('clean: CloudFormation intrinsics stand for unknown strings', () => {
    assertClean(ID, policy(statement({ Action: { 'Fn::Sub': 's3:${Verb}' }, Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { Ref: 'Other' }], Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } }, Condition: { StringEquals: { 'aws:SourceVpce': { Ref: 'Endpoint' } } } })));
  });

  it('clean: a single statement object, Principal "*", and string values everywhere', () => {
    assertClean(ID, { Version: '2012-10-17', Id: 'x', Statement: statement({ Principal: '*' }) });
    assertClean(ID, policy(statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root'], Service: 'sagemaker.amazonaws.com' } })));
  });
});
