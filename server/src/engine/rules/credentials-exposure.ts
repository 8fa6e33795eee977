import { outrightDenyText } from './_grants';
import type { Rule } from '../rule';
import { actionItemFor, listNames, unconstrainedGrants } from './_security';

/**
 * Actions whose response is a secret, a password or temporary credentials, and which support
 * resource-level permissions (so "*" is a choice, not a necessity).
 */
const CREDENTIAL_ACTIONS: readonly string[] = [
  'secretsmanager:GetSecretValue',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'sts:GetFederationToken',
  'codeartifact:GetAuthorizationToken',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'ec2:GetPasswordData',
  'rds-db:connect',
];

export const rule: Rule = {
  id: 'credentials-exposure',
  defaultSeverity: 'info',
  summary: 'Actions that return credentials or sessions allowed on `*` (`secretsmanager:GetSecretValue`, `redshift:GetClusterCredentials`, `sts:GetFederationToken`, ...).',
  scope: outrightDenyText,
  check({ doc, kind, report }) {
    for (const { statement, resource, granted } of unconstrainedGrants(doc, kind, CREDENTIAL_ACTIONS)) {
      const target = actionItemFor(statement, granted);
      if (!target) continue;
      report({
        node: target.node,
        message: `${listNames(granted)} ${granted.length > 1 ? 'are' : 'is'} allowed on "${resource.text}" without a condition: the principal can read every secret or obtain credentials for every database user, cluster or instance the account has, not only the ones it needs. Name the secrets / database users in Resource, or add a condition such as aws:ResourceTag/<key>.`,
      });
    }
  },
};
