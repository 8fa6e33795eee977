import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'deprecated-condition-key';
const create = (condition: object) => policy({ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: condition });
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe(ID, () => {
  it('fires on sagemaker:VolumeKmsKey, underlines it and names the replacement', () => {
    const doc = create({ ArnEquals: { 'sagemaker:VolumeKmsKey': KEY_ARN } });
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(spanOf(doc, f), '"sagemaker:VolumeKmsKey"');
    assert.match(f.message, /sagemaker:VolumeKmsKeyArn/);
  });

  it('fires on a deprecated key in any case; the fix renames it to the replacement', () => {
    const fixed = assertFixResolves(ID, create({ ArnEquals: { 'SageMaker:volumekmskey': KEY_ARN } }));
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { ArnEquals: { 'sagemaker:VolumeKmsKeyArn': KEY_ARN } });
  });

  it('fires on other services\' deprecated keys (kms:CustomerMasterKeySpec)', () => {
    const [f] = assertFires(ID, policy({ Effect: 'Allow', Action: 'kms:CreateKey', Resource: '*', Condition: { StringEquals: { 'kms:CustomerMasterKeySpec': 'SYMMETRIC_DEFAULT' } } }), {}, 1);
    assert.match(f.message, /kms:KeySpec/);
  });

  it('offers no rename when the block already tests the replacement', () => {
    const [f] = assertFires(ID, create({ ArnEquals: { 'sagemaker:VolumeKmsKey': KEY_ARN, 'sagemaker:VolumeKmsKeyArn': KEY_ARN } }), {}, 1);
    assert.equal(f.fixes.length, 0);
  });

  it('clean on the replacement keys and on other keys', () => {
    assertClean(ID, create({ ArnEquals: { 'sagemaker:VolumeKmsKeyArn': KEY_ARN, 'sagemaker:OutputKmsKeyArn': KEY_ARN }, Bool: { 'sagemaker:NetworkIsolation': 'true' } }));
  });
});
