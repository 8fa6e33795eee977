import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAction, hover, type HoverResult } from '../../server/src/engine/hover';
import { reference, type ActionInfo } from '../../server/src/engine/data/reference';

/** A policy touching every kind of token; needles below pick positions in it. */
const POLICY = `{
  "Version": "2012-10-17",
  "Id": "studio-abac",
  "Statement": [
    {
      "Sid": "StudioPresignedUrl",
      "Effect": "Allow",
      "Action": ["sagemaker:CreatePresignedDomainUrl", "sagemaker:List*", "sagemaker:Create*"],
      "Resource": [
        "arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc123/\${aws:username}",
        "*"
      ],
      "Condition": {
        "ForAnyValue:StringEqualsIfExists": { "sagemaker:InstanceTypes": ["ml.t3.medium"] },
        "StringEquals": {
          "aws:RequestTag/team": "\${aws:PrincipalTag/team}",
          "sagemaker:DomainId": "\${sagemaker:DomainId}"
        },
        "Bool": { "aws:SecureTransport": "true" },
        "Null": { "aws:TagKeys": "false" },
        "ArnLike": { "aws:SourceArn": "arn:aws:sagemaker:*:*:training-job/*" }
      }
    },
    {
      "Sid": "ReadData",
      "Effect": "Deny",
      "Action": "s3:GetObject",
      "Resource": ["arn:aws:s3:::ml-data/*", "arn:aws:s3:::ml-data", "arn:aws:s3:us-east-1::ml-data"],
      "Condition": {
        "StringEquals": { "sagemaker:InstanceTypes": "ml.m5.large", "iam:PassedToService": "sagemaker.amazonaws.com" },
        "stringequals": { "aws:SourceIp": "10.0.0.0/8" }
      }
    },
    {
      "Effect": "Allow",
      "Principal": {
        "AWS": ["arn:aws:iam::123456789012:role/service-role/StudioExec", "111122223333", "*"],
        "Service": "sagemaker.amazonaws.com",
        "Federated": "arn:aws:iam::111122223333:saml-provider/ExampleIdP"
      },
      "NotAction": "iam:*",
      "Resource": "arn:aws:iam::*:role/\${*}"
    }
  ]
}`;

/** Hover `delta` characters into the `nth` occurrence of `needle` (1 by default: just inside it). */
function hoverAt(needle: string, delta = 1, text = POLICY, nth = 1): HoverResult | undefined {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `needle ${needle} (#${nth}) not in the text`);
  }
  return hover(text, index + delta);
}

function md(needle: string, delta = 1, text = POLICY, nth = 1): string {
  const result = hoverAt(needle, delta, text, nth);
  assert.ok(result, `expected a hover at ${needle}`);
  return result.markdown;
}

function spanOf(result: HoverResult | undefined, text = POLICY): string {
  assert.ok(result);
  return text.slice(result.offset, result.offset + result.length);
}

function assertLink(markdown: string, url: string): void {
  assert.ok(markdown.includes(`](${url}`), `expected a link to ${url} in:\n${markdown}`);
}

/** Every hover is concise: a bold title line first, then a few blocks. */
function assertShape(markdown: string): void {
  assert.match(markdown.split('\n')[0], /^\*\*.+\*\*/);
  assert.ok(markdown.split('\n\n').length <= 9, `too long:\n${markdown}`);
}

test('element names: statement and top-level elements with their page', () => {
  const action = md('"Action"');
  assert.match(action, /^\*\*Action\*\* · statement element/);
  assert.match(action, /Cannot be combined with `NotAction`/);
  assertLink(action, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html');
  assert.equal(spanOf(hoverAt('"Action"')), 'Action');

  assert.match(md('"Version"'), /^\*\*Version\*\* · top-level policy element/);
  assert.match(md('"Statement"'), /^\*\*Statement\*\* · top-level policy element \(required\)/);
  assert.match(md('"Effect"'), /^\*\*Effect\*\* · statement element \(required\)/);
  assert.match(md('"Effect"'), /Values: "Allow" or "Deny"/);
  const condition = md('"Condition"');
  assert.match(condition, /AND/);
  assertLink(condition, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html');
  assert.match(md('"Principal"'), /^\*\*Principal\*\* · statement element/);
  assert.match(md('"NotAction"'), /Every action except the listed ones/);
});

test('element names: wrong case and misplaced elements are explained', () => {
  const text = '{"Version": "2012-10-17", "Effect": "Allow", "Statement": [{"effect": "Allow", "Action": "s3:GetObject", "Version": "x"}]}';
  assert.match(md('"effect"', 1, text), /did you mean `Effect`/);
  assert.match(md('"Effect"', 1, text), /Belongs inside a statement/);
  assert.match(md('"Version": "x"', 1, text), /Belongs at the top level/);
});

test('Effect, Version, Sid and Id values', () => {
  const allow = md('"Allow"');
  assert.match(allow, /^\*\*Allow\*\* · Effect/);
  assert.match(allow, /explicit `Deny`/);
  assertLink(allow, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html');
  assert.match(md('"Deny"'), /^\*\*Deny\*\* · Effect\n\nExplicitly denies/);
  assert.match(md('"allow"', 1, '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}'), /write `Allow`/);

  const version = md('"2012-10-17"');
  assert.match(version, /^\*\*2012-10-17\*\* · policy language version \(current\)/);
  assertLink(version, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html');
  assert.match(md('"2008-10-17"', 1, '{"Version": "2008-10-17", "Statement": []}'), /taken as literal text/);
  assert.match(md('"2024-01-01"', 1, '{"Version": "2024-01-01", "Statement": []}'), /invalid Version[\s\S]*not today's date/);

  assert.match(md('"StudioPresignedUrl"'), /^\*\*Sid\*\* `StudioPresignedUrl` · statement ID/);
  assert.match(md('"studio-abac"'), /^\*\*Id\*\* `studio-abac` · policy ID/);
});

test('action: description, access level, resource types with ARN formats, condition keys, link', () => {
  const result = hoverAt('sagemaker:CreatePresignedDomainUrl');
  assert.equal(spanOf(result), 'sagemaker:CreatePresignedDomainUrl');
  const markdown = result!.markdown;
  assertShape(markdown);
  assert.match(markdown, /^\*\*sagemaker:CreatePresignedDomainUrl\*\* · Write/);
  assert.match(markdown, /Grants permission to return a URL/);
  assert.match(markdown, /- `user-profile` \(required\): `arn:\$\{Partition\}:sagemaker:\$\{Region\}:\$\{Account\}:user-profile\/\$\{DomainId\}\/\$\{UserProfileName\}`/);
  assert.match(markdown, /\*\*Condition keys\*\*: .*`sagemaker:ResourceTag\/\$\{TagKey\}`/);
  assertLink(markdown, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html#amazonsagemaker-CreatePresignedDomainUrl');

  // Single action in a string Action; service pages are named after the service's full name.
  const getObject = md('s3:GetObject');
  assert.match(getObject, /^\*\*s3:GetObject\*\* · Read/);
  assert.match(getObject, /`object`: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
  assertLink(getObject, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-GetObject');
});

test('action: no resource types, dependent actions, NotAction, unknown names', () => {
  const ref = reference();
  const listDomains = ref.action('sagemaker', 'ListDomains')!;
  assert.match(describeAction(listDomains), /No resource-level permissions: the statement needs `"Resource": "\*"`/);
  // The current data lists no dependent actions; when an action has some, the hover names them.
  const withDependents: ActionInfo = { ...ref.action('sagemaker', 'CreateDomain')!, dependentActions: ['iam:PassRole'] };
  assert.match(describeAction(withDependents), /\*\*Dependent actions\*\* \(also needed for the call to succeed\): `iam:PassRole`/);

  const text = (action: string, element = 'Action') => `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "${element}": "${action}", "Resource": "*"}]}`;
  assert.match(md('iam:PassRole', 1, text('iam:PassRole', 'NotAction')), /every action except this one/);
  assert.match(md('sagemaker:CreateFoo', 1, text('sagemaker:CreateFoo')), /unknown action[\s\S]*grants nothing/);
  assert.match(md('sagemakr:CreateApp', 1, text('sagemakr:CreateApp')), /unknown service/);
  assert.match(md('sagemaker', 1, text('sagemaker')), /incomplete action[\s\S]*service:ActionName/);
});

test('wildcard action: how many actions match, grouped by access level', () => {
  const expected = reference().matchActions('sagemaker:List*');
  const markdown = md('sagemaker:List*');
  assert.match(markdown, new RegExp(`^\\*\\*\`sagemaker:List\\*\`\\*\\* · ${expected.length} actions`));
  assert.match(markdown, new RegExp(`- \\*\\*List\\*\\* \\(${expected.length}\\): ListAIBenchmarkJobs, `));
  const create = md('sagemaker:Create*');
  const levels = [...create.matchAll(/^- \*\*(.+?)\*\* \((\d+)\)/gm)].map((m) => [m[1], Number(m[2])] as const);
  assert.deepEqual(levels.map(([l]) => l), ['Read', 'Write']);
  assert.equal(levels.reduce((n, [, c]) => n + c, 0), reference().matchActions('sagemaker:Create*').length);
  assert.match(create, /… \d+ more/);

  const iam = md('iam:*');
  assert.match(iam, /and every action the service adds later/);
  assert.match(iam, /\*\*Permissions management\*\* \(\d+\): .*AttachRolePolicy/);
  assert.match(iam, /every action except these/);
  assertLink(iam, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-actions-as-permissions');

  const all = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';
  assert.match(md('"*"', 1, all), /every action of every AWS service/);
  assert.match(md('"s3:Nope*"', 1, all.replace('"*", "Resource"', '"s3:Nope*", "Resource"')), /matches nothing/);
});

test('condition operators: semantics, value type, ForAnyValue and IfExists', () => {
  const markdown = md('ForAnyValue:StringEqualsIfExists');
  assertShape(markdown);
  assert.match(markdown, /^\*\*ForAnyValue:StringEqualsIfExists\*\* · condition operator/);
  assert.match(markdown, /`StringEquals`: Exact match, case-sensitive/);
  assert.match(markdown, /values: String/);
  assert.match(markdown, /`ForAnyValue:` \(for multivalued keys\): true when \*\*at least one\*\*/);
  assert.match(markdown, /`IfExists`: when the key is absent from the request the condition is true/);
  assertLink(markdown, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String');
  assertLink(markdown, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists');

  assert.match(md('"Bool"'), /`Bool`: Boolean match[\s\S]*values: Bool/);
  assert.match(md('"Null"'), /`Null`/);
  assert.match(md('"ArnLike"'), /values: ARN; `\*` and `\?` are wildcards/);
  assert.match(md('"stringequals"'), /unknown condition operator[\s\S]*did you mean `StringEquals`/);
  const forAll = md('"ForAllValues:StringLike"', 1, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*", "Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["team"]}}}]}');
  assert.match(forAll, /\*\*every\*\* value[\s\S]*absent or empty/);
  assert.match(md('"StringNotEquals"', 1, '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}}]}'), /Also true when the key is absent/);
});

test('condition keys: description, type, multivalued, which actions of THIS statement support it', () => {
  const instanceTypes = md('"sagemaker:InstanceTypes"');
  assertShape(instanceTypes);
  assert.match(instanceTypes, /^\*\*sagemaker:InstanceTypes\*\* · Amazon SageMaker condition key/);
  assert.match(instanceTypes, /Filters access by the list of all instance types/);
  assert.match(instanceTypes, /Type: String, multivalued\./);
  assert.match(instanceTypes, /Supported by \d+ of this statement's \d+ actions: .*`sagemaker:CreateApp`/);
  assertLink(instanceTypes, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html#amazonsagemaker-policy-keys');

  // The same key in the s3:GetObject statement: no action there sets it; and it is multivalued without a set operator.
  const inS3 = md('"sagemaker:InstanceTypes"', 1, POLICY, 2);
  assert.match(inS3, /\*\*None of this statement's 1 action support it\*\*/);
  assert.match(inS3, /Use it with `ForAnyValue:` or `ForAllValues:`/);

  const tag = md('"aws:RequestTag/team"');
  assert.match(tag, /^\*\*aws:RequestTag\/team\*\* · global condition key/);
  assert.match(tag, /\(TagKey: `team`\)/);
  assert.match(tag, /Type: String, single-valued/);
  assert.match(tag, /Supported by \d+ of this statement's/);
  assertLink(tag, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requesttag');

  const secure = md('"aws:SecureTransport"');
  assert.match(secure, /Type: Bool, single-valued/);
  assert.match(secure, /Global: available in the request context of every action/);

  const passed = md('"iam:PassedToService"');
  assert.match(passed, /AWS Identity and Access Management \(IAM\) condition key/);
  assert.match(passed, /None of this statement's 1 action support it/);
  const single = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}';
  assert.match(md('"iam:PassedToService"', 1, single), /Supported by this statement's action\./);

  assert.match(md('"sagemaker:NoSuchKey"', 1, single.replace('iam:PassedToService', 'sagemaker:NoSuchKey')), /unknown condition key[\s\S]*Amazon SageMaker lists no such key/);
});

test('condition values: Bool, Null, plain values and service principals', () => {
  assert.match(md('"true"'), /^\*\*`true`\*\* · Bool value\n\nThe condition is true when `aws:SecureTransport` is `true`/);
  assert.match(md('"false"'), /Null check[\s\S]*`aws:TagKeys` is \*\*present\*\*/);
  assert.match(md('"ml.t3.medium"'), /value of `sagemaker:InstanceTypes`[\s\S]*Compared with `StringEquals`/);
  const service = md('"sagemaker.amazonaws.com" }');
  assert.match(service, /^\*\*sagemaker\.amazonaws\.com\*\* · AWS service principal/);
  assert.match(service, /`iam:PassRole` is allowed only when the role is passed to this service/);
});

test('ARN in Resource: each field named, resource type matched through the ARN formats', () => {
  const needle = 'arn:aws:sagemaker:us-east-1';
  const result = hoverAt(needle, 20); // inside "us-east-1"
  assert.equal(spanOf(result), 'arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc123/${aws:username}');
  const markdown = result!.markdown;
  assertShape(markdown);
  assert.match(markdown, /^\*\*ARN\*\* · Amazon SageMaker `user-profile`/);
  assert.match(markdown, /- partition `aws`: AWS commercial Regions/);
  assert.match(markdown, /- service `sagemaker`: Amazon SageMaker/);
  assert.match(markdown, /- \*\*region\*\* `us-east-1`: the Region/); // the field under the cursor
  assert.match(markdown, /- account `123456789012`: the account ID/);
  assert.match(markdown, /- resource `user-profile\/d-abc123\/\$\{aws:username\}`/);
  assert.match(markdown, /Resource type `user-profile`: `arn:\$\{Partition\}:sagemaker:\$\{Region\}:\$\{Account\}:user-profile\/\$\{DomainId\}\/\$\{UserProfileName\}`/);
  assert.match(markdown, /Used by \d+ of this statement's \d+ actions: `sagemaker:CreatePresignedDomainUrl`/);
  assertLink(markdown, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html#amazonsagemaker-resources-for-iam-policies');
  assertLink(markdown, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html');

  assert.match(md('arn:aws:s3:::ml-data/*'), /^\*\*ARN\*\* · Amazon S3 `object`/);
  const bucket = md('arn:aws:s3:::ml-data"');
  assert.match(bucket, /^\*\*ARN\*\* · Amazon S3 `bucket`/);
  assert.match(bucket, /None of this statement's 1 action act on this resource type/);
  assert.match(bucket, /- region \(empty\): none/);
  assert.match(md('arn:aws:s3:us-east-1::ml-data'), /Matches no Amazon S3 resource type\*\*: the closest is `bucket`.*region field does not fit/);

  // Role paths: a placeholder may hold `/` when nothing else fits; `${*}` is a literal `*`.
  assert.match(md('arn:aws:iam::*:role'), /^\*\*ARN\*\* · AWS Identity and Access Management \(IAM\) `role`/);
  const star = md('"*"\n      ],');
  assert.match(star, /^\*\*`\*`\*\* · every resource/);
});

test('ARN of a whole service: every resource type, and the actions only `*` covers', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "arn:aws:sagemaker:*:*:*"}]}';
  const markdown = md('arn:aws:sagemaker', 1, text);
  assert.match(markdown, /^\*\*ARN\*\* · every Amazon SageMaker resource/);
  assert.match(markdown, new RegExp(`Matches all ${reference().resourceTypes('sagemaker').length} resource types of Amazon SageMaker`));
  assert.match(markdown, /\d+ of the others have no resource-level permissions: only `"Resource": "\*"` covers them/);
  // Paths in a placeholder (log group names start with /aws/...).
  const logs = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:log-group:/aws/sagemaker/*"}]}';
  assert.match(md('arn:aws:logs', 1, logs), /`log-group`: `arn:\$\{Partition\}:logs:[\s\S]*`log-stream`/);
});

test('ARN-valued conditions and non-ARNs', () => {
  const markdown = md('arn:aws:sagemaker:*:*:training-job');
  assert.match(markdown, /^\*\*ARN\*\* · Amazon SageMaker `training-job`/);
  assert.match(markdown, /- region `\*`: any Region/);
  assert.match(markdown, /- account `\*`: any account/);
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["my-bucket", "arn:aws:s3"]}]}';
  assert.match(md('my-bucket', 1, text), /not an ARN/);
  assert.match(md('arn:aws:s3', 1, text), /Incomplete ARN/);
});

test('principals: what kind, and what the statement trusts', () => {
  const role = md('arn:aws:iam::123456789012:role');
  assert.match(role, /^\*\*IAM role `StudioExec`\*\* · principal/);
  assert.match(role, /Sessions of the role `service-role\/StudioExec` in account `123456789012`/);
  assertLink(role, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles');
  assert.match(md('"111122223333"'), /^\*\*AWS account 111122223333\*\* · principal\n\nThe whole account/);
  assert.match(md('"*"]'), /^\*\*`\*`\*\* · everyone[\s\S]*anonymous callers/);
  const service = md('"sagemaker.amazonaws.com",');
  assert.match(service, /AWS service principal[\s\S]*can assume this role[\s\S]*aws:SourceAccount/);
  assert.match(md('saml-provider'), /^\*\*SAML identity provider `ExampleIdP`\*\*[\s\S]*sts:AssumeRoleWithSAML/);
  assert.match(md('"AWS"'), /^\*\*AWS\*\* · principal type/);
  assert.match(md('"Federated"'), /OIDC or SAML identity providers/);
  const text = (p: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${p}, "Action": "sts:AssumeRole"}]}`;
  assert.match(md('"*"', 1, text('"*"')), /everyone/);
  assert.match(md('"aws"', 1, text('{"aws": "111122223333"}')), /write `AWS`/);
  assert.match(md('assumed-role', 1, text('{"AWS": "arn:aws:sts::111122223333:assumed-role/Admin/alice"}')), /Role session `alice`\*\* of role `Admin`/);
  assert.match(md('accounts.google.com', 1, text('{"Federated": "accounts.google.com"}')), /web identity provider/);
  assert.match(md('"root-ish"', 1, text('"root-ish"')), /A string Principal can only be `"\*"`/);
});

test('policy variables: hover on the ${...} part only, with what it resolves to', () => {
  const username = hoverAt('${aws:username}', 3);
  assert.equal(spanOf(username), '${aws:username}');
  assert.match(username!.markdown, /^\*\*\$\{aws:username\}\*\* · policy variable/);
  assert.match(username!.markdown, /Resolves to: The IAM user name/);
  assertLink(username!.markdown, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html');
  // The cursor on the `}` still counts; just before `${` is the ARN.
  assert.equal(spanOf(hoverAt('${aws:username}', 14)), '${aws:username}');
  assert.match(md('${aws:username}', -1), /^\*\*ARN\*\*/);

  const tag = md('${aws:PrincipalTag/team}', 4);
  assert.match(tag, /The value of that tag on the calling user or role/);
  assert.match(tag, /Tag key: `team`/);
  const domain = md('${sagemaker:DomainId}', 4);
  assert.match(domain, /sagemaker condition key sagemaker:DomainId/);
  assert.match(md('${*}', 2), /A literal `\*` character/);

  const withDefault = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, \'shared\'}/*"}]}';
  assert.match(md('${aws:PrincipalTag', 3, withDefault), /`shared` is used instead/);
  const old = withDefault.replace('2012-10-17', '2008-10-17');
  assert.match(md('${aws:PrincipalTag', 3, old), /Taken literally here/);
  const inAction = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"}]}';
  assert.match(md('${aws:username}', 3, inAction), /Not substituted in `Action`/);
  const numeric = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": "${aws:username}"}}}]}';
  assert.match(md('${aws:username}', 3, numeric), /`NumericLessThan` values take no policy variables/);
  assert.match(md('${aws:TagKeys}', 3, inAction.replace('aws:username', 'aws:TagKeys')), /multivalued: IAM cannot substitute a list/);
});

test('no hover outside policies, on punctuation, or past the end', () => {
  const packageJson = '{"name": "x", "version": "1.0.0", "scripts": {"build": "tsc"}}';
  for (let i = 0; i <= packageJson.length; i++) assert.equal(hover(packageJson, i), undefined);
  assert.equal(hover('', 0), undefined);
  assert.equal(hover('not json at all', 3), undefined);
  assert.equal(hover(POLICY, POLICY.indexOf('[\n        "arn')), undefined);
  assert.equal(hover(POLICY, POLICY.length + 10), undefined);
});

test('half-typed documents still get hovers', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateApp"';
  assert.match(md('sagemaker:CreateApp', 1, text), /^\*\*sagemaker:CreateApp\*\* · Write/);
});

test('fragments (a bare statement) get hovers too', () => {
  const fragment = '{"Effect": "Allow", "Action": "sagemaker:CreateApp", "Resource": "*"}';
  assert.match(md('"Effect"', 1, fragment), /statement element/);
  assert.match(md('sagemaker:CreateApp', 1, fragment), /· Write/);
});

// Latency is measured by `npm run bench` (hover p95 bar), not by a timed unit test.
test('every token of the policy has a hover', () => {
  hover(POLICY, POLICY.indexOf('sagemaker:Create*') + 1); // warm the data files
  const offsets: number[] = [];
  for (let i = 0; i < POLICY.length; i++) if (/[\w$*:/.-]/.test(POLICY[i])) offsets.push(i);
  const missing = new Set<string>();
  for (const offset of offsets) {
    if (!hover(POLICY, offset)) missing.add(POLICY.slice(Math.max(0, offset - 10), offset + 10));
  }
  assert.deepEqual([...missing], [], 'tokens without a hover');
});

test('hover never throws where an operator, a condition key or a principal type is an array index', () => {
  const documents = [
    // Condition and Principal written as arrays: the path runs through an index where a name belongs.
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: [{ Service: 'sagemaker.amazonaws.com' }], Action: 'sts:AssumeRole', Condition: [{ StringEquals: { 'aws:SourceAccount': '111122223333' } }, [{ Bool: 'true' }]] }] }, null, 2),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: [{ 'iam:PassedToService': 'sagemaker.amazonaws.com' }] } }] }, null, 2),
    // Found by the fuzz test (seed 99): a Condition object that swallowed the rest of the document.
    '{\n\t"Version": "2012-10-17",\n\t"Statement":\u0000[\n\t\t{\n\t\t\t"Sid": "SageMakerStudioAccessbyOwner",\n\t\t\t"Effect": "Allow",\n\t\t\t"Action": [\n\t\t\t\t"sagemaker:CreatePresignedDomainUrl"\n\t\t\t],\n\t\t\t"Resource": "*",\n\t\t\t"Condition": {Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Sid": "SageMakerStudioAccessbyOwner",\n\t\t\t"Effect": "Allow",\n\t\t\t"Action": [\n\t\t\t\t"',
  ];
  for (const text of documents) {
    for (let offset = 0; offset <= text.length; offset++) {
      assert.doesNotThrow(() => hover(text, offset), `hover at ${offset} of ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
});
