import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../../server/src/engine/fix';
import { assertClean, assertFires, assertFixResolves, findingsOf, policy, spanOf } from '../helpers';

const ID = 'invalid-sid';
const statement = (sid: unknown, extra: object = {}) => ({ Sid: sid, Effect: 'Allow', Action: 'sagemaker:DescribeDomain', Resource: '*', ...extra });
const trust = (sid: string) => ({ Sid: sid, Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' });

describe(ID, () => {
  it('fires on a Sid with a hyphen, underlines it, names the characters, and the fix strips them', () => {
    const doc = policy(statement('describe-domain'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"describe-domain"');
    assert.match(f.message, /\("-"\)/);
    assert.equal(JSON.parse(assertFixResolves(ID, doc)).Statement[0].Sid, 'describedomain');
  });

  it('fires on spaces, dots and underscores, listing each character once', () => {
    const [f] = assertFires(ID, policy(statement('Allow Studio_access v1.2')), {}, 1);
    assert.match(f.message, /\(" " "_" "\."\)/);
    assert.equal(f.fixes[0].title, 'Change to "AllowStudioaccessv12"');
  });

  it('fires in trust policies and in documents set to boundary or scp', () => {
    assertFixResolves(ID, policy(trust('sagemaker-trust')));
    assertFires(ID, policy(statement('a.b')), { kind: 'boundary' }, 1);
    assertFires(ID, policy(statement('a.b')), { kind: 'scp' }, 1);
  });

  it('fires without a fix when nothing would be left', () => {
    assert.equal(assertFires(ID, policy(statement('---')), {}, 1)[0].fixes.length, 0);
  });

  it('fix does not create a duplicate Sid: it appends a number when the cleaned name is taken', () => {
    const doc = policy(statement('read-data'), statement('readdata'));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.fixes[0].title, 'Change to "readdata2"');
    assert.deepEqual(findingsOf('duplicate-sid', assertFixResolves(ID, doc)), []);
  });

  it('fix-all on two statements that clean to the same name gives them different Sids', () => {
    const { text } = fixAll(JSON.stringify(policy(statement('read-data'), statement('read.data')), null, 2));
    assert.deepEqual(JSON.parse(text).Statement.map((s: { Sid: string }) => s.Sid), ['readdata', 'readdata2']);
    assert.deepEqual(findingsOf('duplicate-sid', text), []);
  });

  it('fires on a Sid that is not a string, in any kind', () => {
    const doc = policy(statement(5));
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '5');
    assert.equal(f.message, '"Sid" must be a string, not a number: IAM rejects the policy.');
    assert.match(assertFires(ID, policy(statement(['a'])), {}, 1)[0].message, /not an array/);
    assertFires(ID, policy(statement(null, { Principal: '*' })), {}, 1);
    assertFires(ID, [statement(true)], {}, 1);
  });

  it('clean on letters and digits', () => {
    assertClean(ID, policy(statement('AllowStudio2'), statement('1')));
  });

  it('clean: S3, KMS and other resource policies allow more characters, and fragments are not judged', () => {
    const bucket = policy(statement('Allow-SageMaker read', { Principal: { AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' } }));
    assertClean(ID, bucket);
    assertClean(ID, policy(statement('a-b')), { kind: 'endpoint' });
    assertClean(ID, [statement('a-b')]);
  });

  it('clean: an empty Sid is empty-value\'s finding', () => {
    assertClean(ID, policy(statement('')));
  });
});
