import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, policy, spanOf } from '../helpers';

const ID = 'notebook-internet-or-root';
const notebook = (extra: object = {}) => ({ Effect: 'Allow', Action: 'sagemaker:CreateNotebookInstance', Resource: '*', ...extra });

describe(ID, () => {
  it('fires on CreateNotebookInstance without either setting, naming both keys', () => {
    const doc = policy(notebook());
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:CreateNotebookInstance"');
    assert.match(f.message, /sagemaker:DirectInternetAccess/);
    assert.match(f.message, /sagemaker:RootAccess/);
  });

  it('fires naming only the missing setting, and on UpdateNotebookInstance (root access)', () => {
    const [f] = assertFires(ID, policy(notebook({ Condition: { StringEquals: { 'sagemaker:DirectInternetAccess': 'Disabled' } } })), {}, 1);
    assert.doesNotMatch(f.message, /DirectInternetAccess/);
    assert.match(f.message, /RootAccess/);
    assertFires(ID, policy({ Effect: 'Allow', Action: 'sagemaker:UpdateNotebookInstance', Resource: '*' }), {}, 1);
  });

  it('fires when the Allow lets "Enabled" through', () => {
    assertFires(ID, policy(notebook({ Condition: { StringEquals: { 'sagemaker:DirectInternetAccess': 'Enabled', 'sagemaker:RootAccess': 'Disabled' } } })), {}, 1);
    assertFires(ID, policy(notebook({ Condition: { StringLike: { 'sagemaker:DirectInternetAccess': '*', 'sagemaker:RootAccess': 'Disabled' } } })), {}, 1);
  });

  it('clean when GUARDED: both set to Disabled in the Allow (or "Enabled" excluded)', () => {
    assertClean(ID, policy(notebook({ Condition: { StringEquals: { 'sagemaker:DirectInternetAccess': 'Disabled', 'sagemaker:RootAccess': 'Disabled' } } })));
    assertClean(ID, policy(notebook({ Condition: { StringNotEquals: { 'sagemaker:DirectInternetAccess': 'Enabled' }, StringEquals: { 'sagemaker:RootAccess': 'Disabled' } } })));
  });

  it('clean when DENIED: a separate Deny when enabled', () => {
    assertClean(ID, policy(notebook(), { Effect: 'Deny', Action: ['sagemaker:CreateNotebookInstance'], Resource: '*', Condition: { StringNotEquals: { 'sagemaker:DirectInternetAccess': 'Disabled', 'sagemaker:RootAccess': 'Disabled' } } }));
    assertClean(ID, policy(notebook(), { Effect: 'Deny', Action: 'sagemaker:*NotebookInstance', Resource: '*', Condition: { StringEquals: { 'sagemaker:DirectInternetAccess': 'Enabled' } } }, { Effect: 'Deny', Action: 'sagemaker:CreateNotebookInstance', Resource: '*', Condition: { Null: { 'sagemaker:RootAccess': 'true' } } }));
  });

  it('clean: a Deny statement itself never fires (the Lake Formation permission set denies notebook instances)', () => {
    assertClean(ID, policy({ Effect: 'Deny', Action: ['sagemaker:CreatePresignedNotebookInstanceUrl', 'sagemaker:*NotebookInstance'], Resource: '*' }));
  });
});
