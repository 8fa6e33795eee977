import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, ItemKind, type CompletionEntry, type CompletionResult } from '../../server/src/engine/completion';
import { reference } from '../../server/src/engine/data/reference';

/** Completes at the `|` in `source` (the marker is removed). */
function at(source: string): { result: CompletionResult | undefined; text: string; offset: number } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'no | marker');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { result: complete(text, offset), text, offset };
}

function items(source: string): CompletionEntry[] {
  const { result } = at(source);
  assert.ok(result, `expected completions at ${source}`);
  return result.items;
}

function labels(source: string): string[] {
  return items(source).map((i) => i.label);
}

function item(source: string, label: string): CompletionEntry {
  const found = items(source).find((i) => i.label === label);
  assert.ok(found, `expected ${label} among ${labels(source).slice(0, 20).join(', ')}`);
  return found;
}

/** The text after applying an item (snippet markers stripped), to check what the user ends up with. */
function apply(source: string, label: string): string {
  const { result, text } = at(source);
  assert.ok(result);
  const entry = result.items.find((i) => i.label === label);
  assert.ok(entry, `no ${label}`);
  const inserted = entry.snippet ? entry.insertText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d/g, '').replace(/\\([$}\\])/g, '$1') : entry.insertText;
  return text.slice(0, result.offset) + inserted + text.slice(result.offset + result.length);
}

const HEAD = '{"Version": "2012-10-17", "Statement": [{';
const stmt = (body: string) => `${HEAD}${body}}]}`;

test('element names: top level and statement level, as property keys with a value skeleton', () => {
  assert.deepEqual(labels('{"Version": "2012-10-17", "|'), ['Id', 'Statement']);
  const statement = labels(`${HEAD}"|`);
  assert.deepEqual(statement, ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
  // Elements already present, and those exclusive with them, are not offered again.
  const rest = labels(stmt('"Effect": "Allow", "Action": "s3:GetObject", "|"'));
  assert.ok(!rest.includes('Effect') && !rest.includes('Action') && !rest.includes('NotAction'));
  assert.ok(rest.includes('Resource') && rest.includes('Condition'));

  const effect = item(`${HEAD}"|`, 'Effect');
  assert.equal(effect.kind, ItemKind.Property);
  assert.match(effect.detail!, /required/);
  assert.match(effect.documentation!, /explicitly denies/);
  assert.equal(apply(`${HEAD}"|`, 'Effect'), `${HEAD}"Effect": "Allow"`);
  assert.equal(apply(`${HEAD}"|`, 'Action'), `${HEAD}"Action": [""]`);
  // A bare position gets the quotes; a key that already has its colon gets the name only.
  assert.equal(apply(stmt('"Effect": "Allow", |'), 'Resource'), stmt('"Effect": "Allow", "Resource": [""]'));
  assert.equal(apply(stmt('"Effect": "Allow", "Res|": "*"'), 'Resource'), stmt('"Effect": "Allow", "Resource": "*"'));
  assert.equal(apply(stmt('"Effect": "Allow", "Con|"'), 'Condition'), stmt('"Effect": "Allow", "Condition": {}'));
});

test('Effect and Version values, inside a string or at a missing value', () => {
  assert.deepEqual(labels(stmt('"Effect": "|"')), ['Allow', 'Deny']);
  assert.equal(apply(stmt('"Effect": |, "Action": "s3:GetObject"'), 'Deny'), stmt('"Effect": "Deny", "Action": "s3:GetObject"'));
  // Unterminated: the closing quote is added and what follows the cursor is kept.
  assert.equal(apply(`${HEAD}"Effect": "Al|`, 'Allow'), `${HEAD}"Effect": "Allow"`);
  assert.deepEqual(labels('{"Version": "|", "Statement": []}'), ['2012-10-17']);
  assert.deepEqual(labels('{"Version": "|'), ['2012-10-17']);
});

test('actions: service prefixes, then actions filtered by the typed prefix, case-insensitive, access level in the detail', () => {
  const services = labels(stmt('"Effect": "Allow", "Action": "sage|"'));
  assert.ok(services.includes('sagemaker:') && services.includes('sagemaker-geospatial:'));
  assert.ok(services.every((s) => s.startsWith('sage')));
  assert.equal(item(stmt('"Effect": "Allow", "Action": "sage|"'), 'sagemaker:').detail, 'Amazon SageMaker');

  const { result } = at(stmt('"Effect": "Allow", "Action": ["SageMaker:createpresigned|"]'));
  assert.ok(result);
  assert.deepEqual(result.items.map((i) => i.label), [
    'sagemaker:CreatePresignedDomainUrl',
    'sagemaker:CreatePresignedMlflowAppUrl',
    'sagemaker:CreatePresignedMlflowTrackingServerUrl',
    'sagemaker:CreatePresignedNotebookInstanceUrl',
  ].filter((l) => reference().action('sagemaker', l.split(':')[1])));
  assert.equal(result.isIncomplete, true);
  const url = result.items[0];
  assert.equal(url.detail, 'Write');
  assert.equal(url.kind, ItemKind.Function);
  assert.match(url.documentation!, /Grants permission to return a URL/);
  // The whole string content is replaced.
  assert.equal(apply(stmt('"Effect": "Allow", "Action": ["SageMaker:createpresigned|"]'), 'sagemaker:CreatePresignedDomainUrl'), stmt('"Effect": "Allow", "Action": ["sagemaker:CreatePresignedDomainUrl"]'));

  const list = items(stmt('"Effect": "Allow", "Action": "sagemaker:List|"'));
  assert.equal(list.length, reference().matchActions('sagemaker:List*').length);
  assert.ok(list.every((i) => i.detail === 'List'));
  assert.equal(items(stmt('"Effect": "Allow", "Action": "s3:Get|"')).find((i) => i.label === 's3:GetObject')?.detail, 'Read');
  assert.equal(items(stmt('"Effect": "Allow", "Action": "iam:attachrole|"')).map((i) => `${i.label} ${i.detail}`).join(), 'iam:AttachRolePolicy Permissions management');

  // After `service:` the `service:*` wildcard comes first.
  assert.equal(labels(stmt('"Effect": "Allow", "Action": "sagemaker:|"'))[0], 'sagemaker:*');
  // NotAction too, and half-typed: an unterminated string at the end of the document.
  assert.deepEqual(labels(`${HEAD}"Effect": "Deny", "NotAction": ["iam:PassR|`), ['iam:PassRole']);
  assert.equal(apply(`${HEAD}"Effect": "Deny", "NotAction": ["iam:PassR|`, 'iam:PassRole'), `${HEAD}"Effect": "Deny", "NotAction": ["iam:PassRole"`);
  // A service prefix leaves the string open for the action name.
  assert.equal(apply(stmt('"Effect": "Allow", "Action": [|]'), 'sagemaker:'), stmt('"Effect": "Allow", "Action": ["sagemaker:"]'));
  assert.equal(item(stmt('"Effect": "Allow", "Action": [|]'), 'sagemaker:').insertText, '"sagemaker:$0"');
});

test('condition operators as keys inside Condition', () => {
  const operators = items(stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"|"}'));
  const names = operators.map((o) => o.label);
  for (const expected of ['StringEquals', 'StringLike', 'ArnLike', 'Bool', 'Null', 'IpAddress', 'StringEqualsIfExists', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike']) {
    assert.ok(names.includes(expected), `missing ${expected}`);
  }
  assert.ok(!names.includes('NullIfExists'));
  assert.ok(operators.every((o) => o.kind === ItemKind.Operator));
  const forAny = operators.find((o) => o.label === 'ForAnyValue:StringEquals')!;
  assert.match(forAny.detail!, /some request value matches/);
  // An operator already in the block is not offered again (JSON keys must be unique).
  const more = labels(stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"StringEquals": {}, "|"}'));
  assert.ok(!more.includes('StringEquals') && more.includes('StringLike'));
  assert.equal(apply(stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {|}'), 'StringEquals'), stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"StringEquals": {}}'));
});

test('condition keys: the global keys plus the service keys the statement\'s actions support', () => {
  const doc = (action: string, op = 'StringEquals') => stmt(`"Effect": "Allow", "Action": ${action}, "Resource": "*", "Condition": {"${op}": {"|"}}`);
  const forCreateApp = items(doc('["sagemaker:CreateApp", "sagemaker:CreateTrainingJob"]'));
  const names = forCreateApp.map((k) => k.label);
  assert.ok(names.includes('sagemaker:InstanceTypes'));
  assert.ok(names.includes('sagemaker:ImageArns')); // CreateApp only
  assert.ok(names.includes('aws:SourceIp') && names.includes('aws:PrincipalTag/${TagKey}') && names.includes('aws:SecureTransport'));
  assert.ok(!names.includes('sagemaker:DirectInternetAccess'), 'a key of CreateNotebookInstance, not of these actions');
  assert.ok(!names.includes('s3:prefix'));
  // Keys supported by all actions first; the detail says how many and the type.
  assert.ok(names.indexOf('sagemaker:InstanceTypes') < names.indexOf('sagemaker:ImageArns'));
  assert.ok(names.indexOf('sagemaker:ImageArns') < names.indexOf('aws:SourceIp'));
  const instanceTypes = forCreateApp.find((k) => k.label === 'sagemaker:InstanceTypes')!;
  assert.equal(instanceTypes.detail, 'String, multivalued · all 2 actions');
  assert.match(instanceTypes.documentation!, /instance types/);
  assert.match(forCreateApp.find((k) => k.label === 'sagemaker:ImageArns')!.detail!, /1 of 2 actions/);
  assert.equal(forCreateApp.find((k) => k.label === 'aws:SourceIp')!.detail, 'IPAddress, single-valued · global');

  // Tag keys insert their prefix, for the user to type the tag; multivalued keys get an array.
  const principalTag = forCreateApp.find((k) => k.label === 'aws:PrincipalTag/${TagKey}')!;
  assert.equal(principalTag.filterText, 'aws:PrincipalTag/');
  assert.equal(apply(doc('"sagemaker:CreateApp"'), 'aws:PrincipalTag/${TagKey}'), stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/": ""}}'));
  assert.equal(apply(doc('"sagemaker:CreateApp"', 'ForAnyValue:StringLike'), 'sagemaker:InstanceTypes'), stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"ForAnyValue:StringLike": {"sagemaker:InstanceTypes": [""]}}'));

  // Keys already under the operator are left out.
  const again = labels(stmt('"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceIp": "x", "sagemaker:InstanceTypes": "y", "|"}}'));
  assert.ok(!again.includes('aws:SourceIp') && !again.includes('sagemaker:InstanceTypes') && again.includes('aws:SourceVpce'));

  // s3:GetObject: S3 keys, no SageMaker keys.
  const s3 = labels(doc('"s3:GetObject"'));
  assert.ok(s3.includes('s3:ExistingObjectTag/<key>') || s3.some((k) => k.startsWith('s3:ExistingObjectTag/')));
  assert.ok(!s3.includes('sagemaker:InstanceTypes'));
  // iam:PassRole: iam:PassedToService.
  assert.ok(labels(doc('"iam:PassRole"')).includes('iam:PassedToService'));
  // `*` covers everything: the global keys, and a service's keys once its prefix is typed.
  const everything = stmt('"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"sagemaker:|"}}');
  assert.ok(labels(everything).includes('sagemaker:InstanceTypes'));
  assert.ok(!labels(doc('"*"')).includes('sagemaker:InstanceTypes'));
});

test('condition values where the set is known', () => {
  const cond = (op: string, key: string, value = '"|"') => stmt(`"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"${op}": {"${key}": ${value}}}`);
  assert.deepEqual(labels(cond('Bool', 'aws:SecureTransport')), ['true', 'false']);
  assert.deepEqual(labels(cond('Bool', 'aws:SecureTransport', '|')), ['true', 'false']);
  assert.equal(apply(cond('Bool', 'aws:SecureTransport', '|'), 'false'), cond('Bool', 'aws:SecureTransport', '"false"').replace('|', ''));
  // Bool-typed keys get true/false even under another operator; Null checks explain themselves.
  assert.deepEqual(labels(cond('StringEquals', 'sagemaker:NetworkIsolation')), ['true', 'false']);
  const nullCheck = items(cond('Null', 'aws:RequestTag/team'));
  assert.deepEqual(nullCheck.map((i) => `${i.label}: ${i.detail}`), ['true: aws:RequestTag/team is absent', 'false: aws:RequestTag/team is present']);

  const services = labels(cond('StringEquals', 'iam:PassedToService', '["sagemaker.amazonaws.com", "|"]'));
  assert.equal(services[0], 'sagemaker.amazonaws.com');
  assert.ok(services.includes('events.amazonaws.com') && services.includes('glue.amazonaws.com'));
  assert.deepEqual(labels(cond('StringEquals', 'aws:PrincipalType')), ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous']);
  assert.deepEqual(labels(cond('StringEquals', 'sagemaker:RootAccess')), ['Enabled', 'Disabled']);
  assert.deepEqual(labels(cond('StringEquals', 'sagemaker:AppNetworkAccessType')), ['PublicInternetOnly', 'VpcOnly']);
  // Unknown sets (instance types: the reference data has no list of them) give nothing.
  assert.equal(at(cond('ForAnyValue:StringLike', 'sagemaker:InstanceTypes', '["|"]')).result, undefined);
  assert.equal(at(cond('StringEquals', 'aws:SourceVpce')).result, undefined);
});

test('resources, principals and policy variables', () => {
  const resources = items(stmt('"Effect": "Allow", "Action": ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile", "s3:GetObject"], "Resource": ["|"]'));
  assert.equal(resources[0].label, '*');
  const profile = resources.find((r) => r.label === 'arn:aws:sagemaker:*:*:user-profile/*/*');
  assert.ok(profile);
  assert.equal(profile.detail, 'sagemaker user-profile · 2 actions');
  assert.match(profile.documentation!, /user-profile\/\$\{DomainId\}\/\$\{UserProfileName\}/);
  assert.ok(resources.some((r) => r.label === 'arn:aws:s3:::*/*'));

  const trust = (principal: string) => stmt(`"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"`);
  assert.deepEqual(labels(trust('{"|"}')), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
  assert.equal(apply(trust('{"|"}'), 'Service'), trust('{"Service": ""}'));
  const services = labels(trust('{"Service": "|"}'));
  assert.equal(services[0], 'sagemaker.amazonaws.com');
  assert.ok(labels(trust('{"Federated": "|"}')).includes('cognito-identity.amazonaws.com'));
  assert.deepEqual(labels(trust('"|"')), ['*']);

  const variable = at(stmt('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/${aws:u|"'));
  assert.ok(variable.result);
  assert.equal(variable.text.slice(variable.result.offset, variable.offset), '${aws:u');
  const names = variable.result.items.map((i) => i.label);
  assert.ok(names.includes('${aws:username}') && names.includes('${aws:PrincipalTag/${TagKey}}') && names.includes('${*}'));
  assert.equal(variable.result.items.find((i) => i.label === '${aws:username}')!.insertText, '${aws:username}');
  assert.equal(variable.result.items.find((i) => i.label === '${aws:PrincipalTag/${TagKey}}')!.insertText, '${aws:PrincipalTag/');
  assert.equal(at(stmt('"Effect": "Allow", "Action": "s3:${|"')).result?.items.some((i) => i.label.startsWith('${')), false);
});

test('fragments and single-object statements complete too', () => {
  assert.deepEqual(labels('[{"Effect": "Allow", "Action": "iam:PassR|"}]'), ['iam:PassRole']);
  assert.deepEqual(labels('{"Effect": "Allow", "Action": "iam:PassR|", "Resource": "*"}'), ['iam:PassRole']);
  assert.deepEqual(labels('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:PassR|"}}'), ['iam:PassRole']);
});

test('no completion outside policies or where nothing is known', () => {
  assert.equal(complete('{"name": "x", "scripts": {"": ""}}', 28), undefined);
  assert.equal(complete('{"name": "', 10), undefined);
  assert.equal(complete('', 0), undefined);
  assert.equal(at(stmt('"Sid": "|"')).result, undefined);
  assert.equal(at(stmt('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceIp": "|"}}')).result, undefined);
});
