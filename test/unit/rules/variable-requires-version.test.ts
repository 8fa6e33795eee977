import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, findingsOf, spanOf } from '../helpers';

const ID = 'variable-requires-version';
const HOME = 'arn:aws:s3:::bucket/home/${aws:username}/*';
const statement = (extra: object = {}) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: HOME, ...extra });

describe(ID, () => {
  it('fires on a variable in Resource when Version is missing, underlining the value', () => {
    const doc = { Statement: [statement()] };
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), JSON.stringify(HOME));
    assert.match(f.message, /\$\{aws:username\} is matched literally.*missing \(so 2008-10-17\)/);
    assert.equal(f.severity, 'error');
  });

  it('fires on a variable when Version is 2008-10-17, and the fix sets 2012-10-17', () => {
    const doc = { Version: '2008-10-17', Statement: [statement()] };
    assert.match(assertFires(ID, doc, {}, 1)[0].message, /Version is "2008-10-17"/);
    assert.deepEqual(JSON.parse(assertFixResolves(ID, doc)), { Version: '2012-10-17', Statement: [statement()] });
  });

  it('fix inserts the Version when it is missing, and missing-version is resolved too', () => {
    const fixed = assertFixResolves(ID, { Statement: [statement()] });
    assert.equal(JSON.parse(fixed).Version, '2012-10-17');
    assert.deepEqual(findingsOf('missing-version', fixed), []);
  });

  it('fires once per value with a variable: NotResource, condition values and Principal entries', () => {
    const doc = {
      Version: '2008-10-17',
      Statement: [
        { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:user/${aws:username}' }, Action: 's3:*', NotResource: [HOME, 'arn:aws:s3:::bucket/shared/*'] },
        statement({ Resource: 'arn:aws:s3:::bucket', Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'shared/'] } } }),
      ],
    };
    const found = assertFires(ID, doc, {}, 3);
    assert.deepEqual(found.map((f) => spanOf(doc, f)), ['"arn:aws:iam::111122223333:user/${aws:username}"', JSON.stringify(HOME), '"home/${aws:username}/*"']);
  });

  it('clean with Version 2012-10-17', () => {
    assertClean(ID, { Version: '2012-10-17', Statement: [statement()] });
  });

  it('clean without variables, even with an old or missing Version', () => {
    assertClean(ID, { Version: '2008-10-17', Statement: [statement({ Resource: 'arn:aws:s3:::bucket/*' })] });
    assertClean(ID, { Statement: [statement({ Resource: 'arn:aws:s3:::bucket/*' })] });
  });

  it('clean: variables where IAM never expands them (Action, Sid) are invalid-policy-variable\'s concern', () => {
    assertClean(ID, { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:${aws:username}', Resource: '*' }] });
  });

  it('clean: an invalid Version (invalid-version) and fragments, whose Version is unknown', () => {
    assertClean(ID, { Version: '2012-10-18', Statement: [statement()] });
    assertClean(ID, [statement()]);
    assertClean(ID, statement());
  });
});
