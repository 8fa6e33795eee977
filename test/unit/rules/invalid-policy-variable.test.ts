import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, findingsOf, policy, spanOf } from '../helpers';

const ID = 'invalid-policy-variable';
const on = (Resource: unknown, extra: object = {}) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource, ...extra });

describe(ID, () => {
  it('fires on an unknown variable, underlines it and suggests the known one', () => {
    const doc = on('arn:aws:s3:::b/${aws:usrname}/*');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '${aws:usrname}');
    assert.match(f.message, /Did you mean "\$\{aws:username\}"/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:s3:::b/${aws:username}/*');
  });

  it('fires on a missing closing brace, whitespace and an empty variable', () => {
    const doc = on(['arn:aws:s3:::b/${aws:username/*', 'arn:aws:s3:::b/${ aws:username }/*', 'arn:aws:s3:::b/${}/*']);
    const found = findingsOf(ID, doc);
    assert.deepEqual(found.map((f) => spanOf(doc, f)), ['${aws:username', '${ aws:username }', '${}']);
    assert.match(found[0].message, /no closing "\}"/);
    assert.match(found[1].message, /whitespace/);
    assert.match(found[2].message, /empty/);
    assert.deepEqual(JSON.parse(applyFix(doc, found[1])).Statement[0].Resource[1], 'arn:aws:s3:::b/${aws:username}/*');
  });

  it('fires on a variable whose brace is spelled with an escape, in a document with no literal brace', () => {
    // `$\u007baws:usernme}` is the value "${aws:usernme}", though the text has neither "${" nor "{aws:".
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:usernme}' }] }).replace('${', '$\\u007b');
    assert.ok(!doc.includes('{aws') && doc.includes('$\\u007baws:usernme}'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /"aws:usernme" is neither a policy variable/);
  });

  it('fires on a variable without its $ and inserts it', () => {
    const doc = on('arn:aws:s3:::b/{aws:username}/*');
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource, 'arn:aws:s3:::b/${aws:username}/*');
  });

  it('fires on a multivalued key, which IAM cannot substitute', () => {
    assert.match(assertFires(ID, on('arn:aws:s3:::b/${aws:TagKeys}'), {}, 1)[0].message, /multivalued/);
  });

  it('fires on variables where IAM does not expand them: Action, Sid, Effect, condition keys', () => {
    const doc = policy({
      Sid: 'Home${aws:username}',
      Effect: 'Allow',
      Action: 's3:${aws:username}',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/${aws:username}': 'x' } },
    });
    const found = findingsOf(ID, doc);
    assert.equal(found.length, 3);
    for (const f of found) {
      assert.equal(spanOf(doc, f), '${aws:username}');
      assert.match(f.message, /is not substituted/);
    }
  });

  it('fires on a policy variable inside Fn::Sub (CloudFormation would take it) and escapes it', () => {
    const doc = on({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${BucketName}/${aws:username}/*' });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '${aws:username}');
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Resource['Fn::Sub'], 'arn:${AWS::Partition}:s3:::${BucketName}/${!aws:username}/*');
  });

  it('fires on an unknown escaped variable inside Fn::Sub', () => {
    assertFires(ID, on({ 'Fn::Sub': 'arn:aws:s3:::b/${!aws:usrname}/*' }), {}, 1);
  });

  it('clean on known variables: global keys, tags, service condition keys, the special ones, defaults', () => {
    assertClean(ID, on(['arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*', 'arn:aws:sagemaker:*:*:user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}', 'arn:aws:s3:::b/${*}${?}${$}', "arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*", 'arn:aws:s3:::b/${s3:prefix}'], {
      Condition: { StringLike: { 's3:prefix': ['${aws:userid}/*'], 'token.actions.githubusercontent.com:sub': '${token.actions.githubusercontent.com:sub}' } },
    }));
  });

  it('clean on CloudFormation values: ${AWS::...} in a plain string, Sub parameters and escaped variables', () => {
    assertClean(ID, on(['arn:aws:s3:::${AWS::AccountId}-data/*', 'arn:aws:s3:::${BucketName}/*', { 'Fn::Sub': ['arn:${AWS::Partition}:s3:::${Bucket}/${!aws:username}/*', { Bucket: 'x' }] }, { 'Fn::Join': ['', ['arn:aws:s3:::b/', '${aws:username}']] }]));
  });
});
