import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'lifecycle-config-unrestricted';
const APPROVED = 'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance-lifecycle-config/approved-*';
const update = (extra: object = {}) => ({ Effect: 'Allow', Action: ['sagemaker:StartNotebookInstance', 'sagemaker:UpdateNotebookInstance'], Resource: '*', ...extra });

describe(ID, () => {
  it('fires on UpdateNotebookInstance on * without a lifecycle-config ARN condition', () => {
    const doc = policy(update());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:UpdateNotebookInstance"');
    assert.match(f.message, /sagemaker:NotebookInstanceLifecycleConfigArns/);
  });

  it('fires on Studio user profiles (sagemaker:StudioLifecycleConfigArns)', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:UpdateUserProfile', Resource: 'arn:aws:sagemaker:*:*:user-profile/*' }), {}, 1);
    assert.match(f.message, /sagemaker:StudioLifecycleConfigArns/);
  });

  it('fires on lifecycle-config creation on * when the document also lets the caller attach one, even a guarded attach', () => {
    const doc = policy(
      update({ Condition: { 'ForAllValues:ArnLike': { 'sagemaker:NotebookInstanceLifecycleConfigArns': [APPROVED] } } }),
      { Effect: 'Allow', Action: 'sagemaker:CreateNotebookInstanceLifecycleConfig', Resource: '*' },
    );
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateNotebookInstanceLifecycleConfig"');
    assert.match(f.message, /write the script/);
  });

  it('clean when GUARDED: the Allow limits the lifecycle configurations', () => {
    assertClean(ID, policy(update({ Condition: { 'ForAllValues:ArnLike': { 'sagemaker:NotebookInstanceLifecycleConfigArns': [APPROVED] } } })));
  });

  it('clean when DENIED: a separate Deny of other configurations', () => {
    assertClean(ID, policy(update(), { Effect: 'Deny', Action: 'sagemaker:UpdateNotebookInstance', Resource: '*', Condition: { 'ForAnyValue:ArnNotLike': { 'sagemaker:NotebookInstanceLifecycleConfigArns': [APPROVED] } } }));
  });

  it('clean: a Deny statement itself never fires (the Lake Formation permission set)', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: ['sagemaker:*NotebookInstance', 'sagemaker:*NotebookInstanceLifecycleConfig'], Resource: '*' }));
  });

  it('clean on a named notebook instance, on apps and spaces, and on creation alone', () => {
    assertClean(ID, policy(update({ Resource: 'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/my-notebook' })));
    assertClean(ID, policy({ Effect: 'Allow', Action: ['sagemaker:CreateApp', 'sagemaker:CreateSpace'], Resource: '*' }));
    assertClean(ID, policy({ Effect: 'Allow', Action: 'sagemaker:CreateStudioLifecycleConfig', Resource: '*' }));
  });
});
