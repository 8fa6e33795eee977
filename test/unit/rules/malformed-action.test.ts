import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'malformed-action';
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });

describe(ID, () => {
  it('fires on an action without a colon and underlines the entry', () => {
    const doc = allow(['GetObject']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"GetObject"');
    assert.match(f.message, /no colon/);
    assert.equal(f.fixes.length, 0);
  });

  it('fires on whitespace and fixes it by removing the whitespace', () => {
    const doc = allow(['s3 :GetObject']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /whitespace/);
    const fixed = assertFixResolves(ID, doc);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['s3:GetObject']);
  });

  it('fires on two colons and fixes s3::GetObject', () => {
    const doc = allow('s3::GetObject');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.match(f.message, /2 colons/);
    assert.equal(JSON.parse(applyFix(doc, f)).Statement[0].Action, 's3:GetObject');
  });

  it('fires on a wrong separator between a known service and an action (s3.GetObject) with a fix', () => {
    const doc = allow('s3.GetObject');
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(JSON.parse(applyFix(doc, f)).Statement[0].Action, 's3:GetObject');
  });

  it('fires on an ARN in Action, an empty part and a stray character (in NotAction too)', () => {
    const [arn] = assertFires(ID, allow('arn:aws:s3:::bucket'));
    assert.match(arn.message, /belong in "Resource"/);
    assert.match(assertFires(ID, allow('s3:'))[0].message, /no action name/);
    assert.match(assertFires(ID, allow(':GetObject'))[0].message, /no service prefix/);
    assert.match(assertFires(ID, allow('s3:Get_Object'))[0].message, /"_"/);
    assertFires(ID, policy({ Effect: 'Deny', NotAction: 'iam PassRole', Resource: '*' }), {}, 1);
  });

  it('clean on well-formed actions, wildcards anywhere and any case', () => {
    assertClean(ID, allow(['*', 's3:Get*', 'sagemaker:*App', 'SageMaker:createpresigneddomainurl', 'ec2:Describe?pcs', '*:Get*', 'vpc-lattice:AssociateViaAWSService-EventsAndStates']));
  });

  it('clean on values it cannot judge: CloudFormation intrinsics and policy variables', () => {
    assertClean(ID, allow([{ 'Fn::Sub': '${Service}:GetObject' }, 's3:${aws:username}']));
  });

  it('leaves out the entries with a variable, and still judges the others of the list', () => {
    // The list skips `s3:${aws:username}` (its text's facts say it has a variable) and reads on.
    const doc = allow(['s3:${aws:username}', 's3 GetObject', 7, 's3:${aws:username}']);
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"s3 GetObject"');
    // An entry with a variable is no action: not reported in a list of others either.
    assertClean(ID, allow(['s3:GetObject', 'arn:${aws:partition}']));
  });
});
