import { outrightDenyText } from './_grants';
import type { Rule } from '../rule';
import { listNames, unconstrainedGrants } from './_security';

const KEY_USE: readonly string[] = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:CreateGrant',
];

export const rule: Rule = {
  id: 'kms-key-wildcard',
  defaultSeverity: 'warning',
  summary: '`kms:Decrypt`/`Encrypt`/`GenerateDataKey*`/`ReEncrypt*`/`CreateGrant` allowed on every key (`*`) in an identity policy.',
  scope: outrightDenyText,
  check({ doc, kind, report }) {
    // Key policies (resource kind) legitimately say "Resource": "*": it means the key itself.
    for (const { resource, granted } of unconstrainedGrants(doc, kind, KEY_USE)) {
      report({
        node: resource.node,
        message: `${listNames(granted)} ${granted.length > 1 ? 'are' : 'is'} allowed on "${resource.text}" without a condition: every KMS key whose key policy trusts the account can be used, so encryption no longer separates data (one team's SageMaker volumes, another's buckets). List the key ARNs (arn:aws:kms:region:account:key/key-id), or add a condition such as kms:ViaService or aws:ResourceTag/<key>.`,
      });
    }
  },
};
