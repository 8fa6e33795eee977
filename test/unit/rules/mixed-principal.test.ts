import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'mixed-principal';
const withPrincipal = { Sid: 'SageMakerRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/SageMakerRole' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const withoutPrincipal = { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' };

describe(ID, () => {
  it('fires on each statement without Principal when others have one, at its opening brace', () => {
    const doc = policy(withPrincipal, withoutPrincipal);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '{');
    assert.equal(f.offset, JSON.stringify(doc, null, 2).lastIndexOf('{', JSON.stringify(doc, null, 2).indexOf('"ListBucket"')));
    assert.match(f.message, /Statement "ListBucket" has no "Principal" while others do/);
  });

  it('fires with NotPrincipal as the principal, naming unnamed statements by number', () => {
    const doc = policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' });
    const found = assertFires(ID, doc, {}, 2);
    assert.match(found[0].message, /^Statement 2 /);
    assert.match(found[1].message, /^Statement 3 /);
  });

  it('fires whatever the kind setting says', () => {
    assertFires(ID, policy(withPrincipal, withoutPrincipal), { kind: 'identity' }, 1);
  });

  it('clean when every statement or no statement has a principal', () => {
    assertClean(ID, policy(withPrincipal, { ...withPrincipal, Sid: 'Other' }));
    assertClean(ID, policy(withoutPrincipal, { ...withoutPrincipal, Sid: 'Other' }));
  });

  it('clean on fragments, which are often excerpts from several policies', () => {
    assertClean(ID, [withPrincipal, withoutPrincipal]);
  });
});
