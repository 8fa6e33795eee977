import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReference, findDataDirectory, reference } from '../../server/src/engine/data/reference';
import { globalKeyDataType, lookupGlobalConditionKey } from '../../server/src/engine/data/globalConditionKeys';
import { operatorWithCaseFixed, parseOperator } from '../../server/src/engine/data/operators';
import { lookupPolicyVariable, policyVariablesIn } from '../../server/src/engine/data/policyVariables';
import { isAccountId, isAccountRootArn, isCanonicalUserId, isKnownSageMakerServicePrincipal, isServicePrincipal, lookupPrincipalType } from '../../server/src/engine/data/principals';
import { ELEMENTS, lookupElement } from '../../server/src/engine/data/elements';

const ref = reference();

test('services and actions are found in any case, with their real case', () => {
  assert.ok(ref.services().includes('sagemaker'));
  assert.ok(ref.hasService('SageMaker'));
  assert.equal(ref.hasService('no-such-service'), false);
  assert.equal(ref.serviceName('sagemaker'), 'Amazon SageMaker');
  const action = ref.action('SAGEMAKER', 'createpresigneddomainurl');
  assert.equal(action?.name, 'CreatePresignedDomainUrl');
  assert.equal(action?.service, 'sagemaker');
  assert.equal(ref.action('sagemaker', 'NoSuchAction'), undefined);
  assert.equal(ref.action('nosuch', 'CreateApp'), undefined);
  assert.ok(ref.source().version);
});

test('reference() is a singleton', () => {
  assert.equal(reference(), ref);
});

test('access levels use the specific level for mixed data', () => {
  assert.equal(ref.action('s3', 'GetObject')?.accessLevel, 'Read');
  assert.equal(ref.action('sagemaker', 'ListDomains')?.accessLevel, 'List');
  assert.equal(ref.action('sagemaker', 'AddTags')?.accessLevel, 'Tagging');
  assert.equal(ref.action('iam', 'AttachRolePolicy')?.accessLevel, 'Permissions management');
});

test('CreatePresignedDomainUrl supports sagemaker:ResourceTag/studiouserid through the user-profile resource type', () => {
  const action = ref.action('sagemaker', 'CreatePresignedDomainUrl')!;
  assert.deepEqual(action.resourceTypes.map((r) => [r.name, r.required]), [['user-profile', true]]);
  const keys = ref.conditionKeysForAction(action);
  assert.ok(keys.includes('sagemaker:ResourceTag/${TagKey}'));
  assert.ok(ref.actionSupportsConditionKey(action, 'sagemaker:ResourceTag/studiouserid'));
  assert.ok(ref.actionSupportsConditionKey(action, 'SAGEMAKER:resourcetag/studiouserid'));
  assert.ok(ref.actionSupportsConditionKey(action, 'aws:ResourceTag/studiouserid'));
  assert.equal(ref.actionSupportsConditionKey(action, 'sagemaker:ResourceTag/'), false);
  assert.equal(ref.actionSupportsConditionKey(action, 'sagemaker:InstanceTypes'), false);
  // Global keys that apply to every action are not part of the per-action list.
  assert.equal(keys.includes('aws:SourceIp'), false);
  // No duplicates (case-insensitively).
  assert.equal(new Set(keys.map((k) => k.toLowerCase())).size, keys.length);
});

test('action condition keys include the action\'s own keys', () => {
  const createApp = ref.action('sagemaker', 'CreateApp')!;
  assert.ok(ref.actionSupportsConditionKey(createApp, 'sagemaker:InstanceTypes'));
  assert.ok(ref.actionSupportsConditionKey(createApp, 'aws:RequestTag/team'));
});

test('s3:GetObject resource types', () => {
  const getObject = ref.action('s3', 'GetObject')!;
  const names = getObject.resourceTypes.map((r) => r.name);
  assert.ok(names.includes('object'));
  const object = ref.resourceType('s3', 'OBJECT');
  assert.equal(object?.arn, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.ok(ref.actionSupportsConditionKey(getObject, 's3:ExistingObjectTag/team'), '<key> placeholders match too');
  assert.ok(ref.resourceTypes('s3').length > 0);
});

test('resource type lookup has ARN patterns and condition keys', () => {
  const profile = ref.resourceType('sagemaker', 'user-profile');
  assert.equal(profile?.arn, 'arn:${Partition}:sagemaker:${Region}:${Account}:user-profile/${DomainId}/${UserProfileName}');
  assert.ok(profile?.conditionKeys.includes('sagemaker:ResourceTag/${TagKey}'));
});

test('matchActions expands IAM wildcards', () => {
  const apps = ref.matchActions('sagemaker:*App');
  assert.ok(apps.length > 0);
  assert.ok(apps.every((a) => a.service === 'sagemaker' && a.name.endsWith('App')));
  assert.ok(apps.some((a) => a.name === 'CreateApp'));

  const s3Get = ref.matchActions('s3:Get*');
  const expected = ref.actions('s3').filter((a) => a.name.startsWith('Get')).length;
  assert.equal(s3Get.length, expected);
  assert.ok(s3Get.length > 50, `s3:Get* matched ${s3Get.length}`);
  assert.equal(ref.matchActions('S3:get*').length, expected, 'case-insensitive');
  assert.equal(ref.matchActions('s3:Get*'), s3Get, 'cached');

  assert.equal(ref.matchActions('sagemaker:*').length, ref.actions('sagemaker').length);
  assert.deepEqual(ref.matchActions('sagemaker:createpresigneddomainurl').map((a) => a.name), ['CreatePresignedDomainUrl']);
  const vpc = ref.matchActions('ec2:Describe?pc*');
  assert.ok(vpc.some((a) => a.name === 'DescribeVpcs'));
  assert.ok(vpc.every((a) => /^Describe.pc/.test(a.name)));
  assert.ok(ref.matchActions('sage*:CreateApp').some((a) => a.service === 'sagemaker'));
  assert.ok(ref.matchActions('*').length > 10000);
  assert.deepEqual(ref.matchActions('sagemaker'), []);
  assert.deepEqual(ref.matchActions('nosuch:*'), []);
  assert.deepEqual(ref.matchActions('s3:Get.*'), [], 'regex characters are literal');
});

test('service condition keys: case-insensitive, placeholders, owner service', () => {
  assert.deepEqual(ref.conditionKey('sagemaker:resourcetag/team'), { key: 'sagemaker:ResourceTag/${TagKey}', type: 'String', service: 'sagemaker' });
  assert.equal(ref.conditionKey('SAGEMAKER:VOLUMEKMSKEY')?.key, 'sagemaker:VolumeKmsKey');
  assert.equal(ref.conditionKey('sagemaker:InstanceTypes')?.type, 'ArrayOfString');
  assert.equal(ref.conditionKey('sagemaker:NoSuchKey'), undefined);
  assert.equal(ref.conditionKey('aws:SourceIp'), undefined, 'global keys live in globalConditionKeys.ts');
  // Trust-policy keys come from the generated sts data.
  for (const key of ['sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity', 'sts:TransitiveTagKeys', 'saml:aud', 'cognito-identity.amazonaws.com:aud']) {
    assert.ok(ref.conditionKey(key), key);
  }
  assert.equal(ref.conditionKey('ec2:SourceInstanceARN')?.service, 'ec2', 'the prefix owner wins over services that repeat the key');
  assert.ok(ref.serviceConditionKeys('sagemaker').some((k) => k.key === 'aws:RequestTag/${TagKey}'));
});

test('a service key, pattern or not, reads its own service only; an aws: or prefix-less key reads none', () => {
  // Reading every service (for the index of keys listed under another service's prefix) took most of a CLI
  // run on a small policy with `${sagemaker:ResourceTag/team}` in it.
  const fresh = createReference(findDataDirectory());
  assert.equal(fresh.conditionKey('sagemaker:ResourceTag/team')?.key, 'sagemaker:ResourceTag/${TagKey}');
  assert.equal(fresh.conditionKey('SageMaker:VolumeKmsKey')?.key, 'sagemaker:VolumeKmsKey');
  assert.equal(fresh.conditionKey('aws:NoSuchKey'), undefined);
  assert.equal(fresh.conditionKey('ResourceTag/team'), undefined);
  assert.equal(fresh.servicesRead(), 1);
  // A key no service of its prefix lists still finds the service that does (saml: keys are under sts).
  assert.equal(fresh.conditionKey('saml:aud')?.service, 'sts');
  assert.ok(fresh.servicesRead() > 400, 'then every service is read, once');
});

test('descriptions load lazily', () => {
  assert.match(ref.actionDescription('sagemaker', 'createpresigneddomainurl') ?? '', /URL/);
  assert.match(ref.conditionKeyDescription('sagemaker:VolumeKmsKey') ?? '', /deprecated/i);
  assert.equal(ref.actionDescription('sagemaker', 'Nope'), undefined);
});

test('deprecated condition keys name their replacement', () => {
  assert.deepEqual(ref.deprecatedConditionKey('sagemaker:VolumeKmsKey'), { replacement: 'sagemaker:VolumeKmsKeyArn' });
  assert.deepEqual(ref.deprecatedConditionKey('SAGEMAKER:volumekmskey'), { replacement: 'sagemaker:VolumeKmsKeyArn' });
  assert.deepEqual(ref.deprecatedConditionKey('kms:CustomerMasterKeySpec'), { replacement: 'kms:KeySpec' });
  assert.equal(ref.deprecatedConditionKey('sagemaker:VolumeKmsKeyArn'), undefined);
});

test('operators: IfExists, set operators, case-sensitivity', () => {
  const p = parseOperator('ForAnyValue:StringLikeIfExists');
  assert.equal(p?.base.name, 'StringLike');
  assert.equal(p?.family, 'String');
  assert.equal(p?.ifExists, true);
  assert.equal(p?.setOperator, 'ForAnyValue');
  assert.deepEqual(
    [parseOperator('StringEquals')?.ifExists, parseOperator('StringEquals')?.setOperator],
    [false, undefined],
  );
  assert.equal(parseOperator('ForAllValues:ArnNotLike')?.base.negated, true);
  assert.equal(parseOperator('BoolIfExists')?.family, 'Bool');
  assert.equal(parseOperator('NotIpAddress')?.family, 'IpAddress');
  assert.equal(parseOperator('Null')?.family, 'Null');
  assert.equal(parseOperator('NullIfExists'), undefined, 'Null takes no IfExists');
  assert.equal(parseOperator('stringequals'), undefined);
  assert.equal(parseOperator('ForEachValue:StringEquals'), undefined);
  assert.equal(parseOperator('StringEqualsIfExistsIfExists'), undefined);
  assert.equal(parseOperator('BinaryEquals')?.base.valueType, 'Base64');
  assert.equal(operatorWithCaseFixed('stringequalsifexists'), 'StringEqualsIfExists');
  assert.equal(operatorWithCaseFixed('foranyvalue:stringlike'), 'ForAnyValue:StringLike');
  assert.equal(operatorWithCaseFixed('StringEquals'), undefined);
});

test('global condition keys: any case, tag suffixes, types', () => {
  assert.equal(lookupGlobalConditionKey('aws:sourcevpce')?.key, 'aws:SourceVpce');
  assert.equal(lookupGlobalConditionKey('AWS:SOURCEIP')?.type, 'IPAddress');
  assert.equal(lookupGlobalConditionKey('aws:PrincipalTag/studiouserid')?.key, 'aws:PrincipalTag/${TagKey}');
  assert.equal(lookupGlobalConditionKey('aws:ResourceTag/team')?.key, 'aws:ResourceTag/${TagKey}');
  assert.equal(lookupGlobalConditionKey('aws:PrincipalTag/'), undefined);
  assert.equal(lookupGlobalConditionKey('aws:NoSuchKey'), undefined);
  const tagKeys = lookupGlobalConditionKey('aws:TagKeys')!;
  assert.equal(tagKeys.multivalued, true);
  assert.equal(globalKeyDataType(tagKeys), 'ArrayOfString');
  assert.equal(lookupGlobalConditionKey('aws:PrincipalOrgID')?.sensitive, true);
  assert.equal(lookupGlobalConditionKey('aws:EpochTime')?.alsoType, 'Numeric');
  assert.equal(lookupGlobalConditionKey('aws:MultiFactorAuthPresent')?.type, 'Bool');
  assert.equal(lookupGlobalConditionKey('ec2:SourceInstanceARN')?.crossService, true);
  for (const key of ['aws:SourceVpc', 'aws:userid', 'aws:username', 'aws:SecureTransport', 'aws:CalledVia', 'aws:ViaAWSService', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:CurrentTime', 'aws:RequestedRegion', 'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:VpcSourceIp', 'aws:RequestTag/x']) {
    assert.ok(lookupGlobalConditionKey(key), key);
  }
});

test('policy variables', () => {
  assert.equal(lookupPolicyVariable('aws:username')?.kind, 'principal');
  assert.equal(lookupPolicyVariable('${aws:userid}')?.name, 'aws:userid');
  assert.equal(lookupPolicyVariable('${aws:PrincipalTag/team, \'company-wide\'}')?.name, 'aws:PrincipalTag/${TagKey}');
  assert.equal(lookupPolicyVariable('${*}')?.kind, 'special');
  assert.equal(lookupPolicyVariable('$')?.kind, 'special');
  assert.equal(lookupPolicyVariable('saml:sub')?.kind, 'federation');
  assert.equal(lookupPolicyVariable('sagemaker:DomainId')?.name, 'sagemaker:DomainId');
  assert.equal(lookupPolicyVariable('${sagemaker:userprofilename}')?.name, 'sagemaker:UserProfileName');
  assert.equal(lookupPolicyVariable('aws:PrincipalOrgPaths'), undefined, 'multivalued keys cannot be variables');
  assert.equal(lookupPolicyVariable('sagemaker:InstanceTypes'), undefined, 'ArrayOf keys cannot be variables');
  assert.equal(lookupPolicyVariable('aws:nosuch'), undefined);
  const arn = "arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'x'}";
  assert.deepEqual(policyVariablesIn(arn), [
    { name: 'aws:username', offset: arn.indexOf('${aws:username}'), length: '${aws:username}'.length },
    { name: 'aws:PrincipalTag/team', defaultValue: 'x', offset: arn.indexOf('${aws:P'), length: "${aws:PrincipalTag/team, 'x'}".length },
  ]);
});

test('principal validators', () => {
  assert.ok(isAccountId('123456789012'));
  assert.equal(isAccountId('12345678901'), false);
  assert.equal(isAccountId('1234567890123'), false);
  assert.ok(isAccountRootArn('arn:aws:iam::123456789012:root'));
  assert.ok(isServicePrincipal('sagemaker.amazonaws.com'));
  assert.ok(isServicePrincipal('s3.ap-east-1.amazonaws.com'));
  assert.ok(isServicePrincipal('sagemaker.amazonaws.com.cn'));
  assert.equal(isServicePrincipal('sagemaker'), false);
  assert.equal(isServicePrincipal('*'), false);
  assert.equal(isServicePrincipal('arn:aws:iam::123456789012:root'), false);
  assert.equal(isServicePrincipal('SageMaker.amazonaws.com'), false);
  assert.ok(isCanonicalUserId('79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'));
  assert.ok(isKnownSageMakerServicePrincipal('lakeformation.amazonaws.com'));
  assert.equal(lookupPrincipalType('aws'), undefined);
  assert.equal(lookupPrincipalType('Federated')?.type, 'Federated');
});

test('elements table', () => {
  assert.equal(ELEMENTS.length, 12);
  assert.equal(lookupElement('Version')?.level, 'top');
  assert.equal(lookupElement('Condition')?.level, 'statement');
  assert.match(lookupElement('NotAction')!.url, /^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_policies_elements_notaction\.html$/);
  assert.equal(lookupElement('effect'), undefined);
});
