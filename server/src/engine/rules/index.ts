import type { Rule } from '../rule';
import { rule as abacTagMutation } from './abac-tag-mutation';
import { rule as allowNotAction } from './allow-not-action';
import { rule as allowNotPrincipal } from './allow-not-principal';
import { rule as allowNotResource } from './allow-not-resource';
import { rule as arnFieldMissing } from './arn-field-missing';
import { rule as arnFieldNotAllowed } from './arn-field-not-allowed';
import { rule as conditionKeyNotApplicable } from './condition-key-not-applicable';
import { rule as conflictingElements } from './conflicting-elements';
import { rule as createWithoutTags } from './create-without-tags';
import { rule as credentialsExposure } from './credentials-exposure';
import { rule as dataExfiltration } from './data-exfiltration';
import { rule as dataWranglerRedshiftUser } from './data-wrangler-redshift-user';
import { rule as deprecatedConditionKey } from './deprecated-condition-key';
import { rule as duplicateKey } from './duplicate-key';
import { rule as duplicateSid } from './duplicate-sid';
import { rule as emptyValue } from './empty-value';
import { rule as forallvaluesAllowAbsentKey } from './forallvalues-allow-absent-key';
import { rule as fullWildcardAction } from './full-wildcard-action';
import { rule as instanceTypePattern } from './instance-type-pattern';
import { rule as invalidArn } from './invalid-arn';
import { rule as invalidEffect } from './invalid-effect';
import { rule as invalidPolicyVariable } from './invalid-policy-variable';
import { rule as invalidPrincipal } from './invalid-principal';
import { rule as invalidSid } from './invalid-sid';
import { rule as invalidType } from './invalid-type';
import { rule as invalidVersion } from './invalid-version';
import { rule as jobWithoutKms } from './job-without-kms';
import { rule as jobWithoutNetworkIsolation } from './job-without-network-isolation';
import { rule as jobWithoutVpc } from './job-without-vpc';
import { rule as jsonSyntax } from './json-syntax';
import { rule as kmsKeyWildcard } from './kms-key-wildcard';
import { rule as lifecycleConfigUnrestricted } from './lifecycle-config-unrestricted';
import { rule as likeWithoutWildcard } from './like-without-wildcard';
import { rule as malformedAction } from './malformed-action';
import { rule as missingElement } from './missing-element';
import { rule as missingVersion } from './missing-version';
import { rule as mixedPrincipal } from './mixed-principal';
import { rule as multipleBoolValues } from './multiple-bool-values';
import { rule as notebookInternetOrRoot } from './notebook-internet-or-root';
import { rule as nullWithIfexists } from './null-with-ifexists';
import { rule as oldVersion } from './old-version';
import { rule as operatorTypeMismatch } from './operator-type-mismatch';
import { rule as passRoleWildcardResource } from './pass-role-wildcard-resource';
import { rule as passRoleWithoutService } from './pass-role-without-service';
import { rule as passedToServiceInvalid } from './passed-to-service-invalid';
import { rule as policySize } from './policy-size';
import { rule as presignedUrlNoNetworkGuard } from './presigned-url-no-network-guard';
import { rule as presignedUrlUnrestricted } from './presigned-url-unrestricted';
import { rule as principalInIdentityPolicy } from './principal-in-identity-policy';
import { rule as privilegeEscalation } from './privilege-escalation';
import { rule as publicPrincipal } from './public-principal';
import { rule as redundantAction } from './redundant-action';
import { rule as resourceTypeMismatch } from './resource-type-mismatch';
import { rule as sagemakerFullAccess } from './sagemaker-full-access';
import { rule as sagemakerWildcardUnconditioned } from './sagemaker-wildcard-unconditioned';
import { rule as serviceWildcard } from './service-wildcard';
import { rule as setOperatorMisuse } from './set-operator-misuse';
import { rule as studioSpaceNotOwnerScoped } from './studio-space-not-owner-scoped';
import { rule as trustMissingSourceCondition } from './trust-missing-source-condition';
import { rule as trustPolicyResource } from './trust-policy-resource';
import { rule as unconditionalDenyOverrides } from './unconditional-deny-overrides';
import { rule as unknownAction } from './unknown-action';
import { rule as unknownConditionKey } from './unknown-condition-key';
import { rule as unknownConditionOperator } from './unknown-condition-operator';
import { rule as unknownElement } from './unknown-element';
import { rule as unknownService } from './unknown-service';
import { rule as unreplacedPlaceholder } from './unreplaced-placeholder';
import { rule as variableRequiresVersion } from './variable-requires-version';
import { rule as wildcardMatchesNothing } from './wildcard-matches-nothing';
import { rule as wildcardWithoutLike } from './wildcard-without-like';

/** The registry: one line per rule. test/unit/registry.test.ts checks every catalog id has a module, docs and tests. */
export const ALL_RULES: readonly Rule[] = [
  abacTagMutation,
  allowNotAction,
  allowNotPrincipal,
  allowNotResource,
  arnFieldMissing,
  arnFieldNotAllowed,
  conditionKeyNotApplicable,
  conflictingElements,
  createWithoutTags,
  credentialsExposure,
  dataExfiltration,
  dataWranglerRedshiftUser,
  deprecatedConditionKey,
  duplicateKey,
  duplicateSid,
  emptyValue,
  forallvaluesAllowAbsentKey,
  fullWildcardAction,
  instanceTypePattern,
  invalidArn,
  invalidEffect,
  invalidPolicyVariable,
  invalidPrincipal,
  invalidSid,
  invalidType,
  invalidVersion,
  jobWithoutKms,
  jobWithoutNetworkIsolation,
  jobWithoutVpc,
  jsonSyntax,
  kmsKeyWildcard,
  lifecycleConfigUnrestricted,
  likeWithoutWildcard,
  malformedAction,
  missingElement,
  missingVersion,
  mixedPrincipal,
  multipleBoolValues,
  notebookInternetOrRoot,
  nullWithIfexists,
  oldVersion,
  operatorTypeMismatch,
  passRoleWildcardResource,
  passRoleWithoutService,
  passedToServiceInvalid,
  policySize,
  presignedUrlNoNetworkGuard,
  presignedUrlUnrestricted,
  principalInIdentityPolicy,
  privilegeEscalation,
  publicPrincipal,
  redundantAction,
  resourceTypeMismatch,
  sagemakerFullAccess,
  sagemakerWildcardUnconditioned,
  serviceWildcard,
  setOperatorMisuse,
  studioSpaceNotOwnerScoped,
  trustMissingSourceCondition,
  trustPolicyResource,
  unconditionalDenyOverrides,
  unknownAction,
  unknownConditionKey,
  unknownConditionOperator,
  unknownElement,
  unknownService,
  unreplacedPlaceholder,
  variableRequiresVersion,
  wildcardMatchesNothing,
  wildcardWithoutLike,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
