import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, type PolicySymbol } from '../../server/src/engine/symbols';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CreateApps",
      "Effect": "Allow",
      "Action": ["sagemaker:CreateApp", "sagemaker:DescribeApp"],
      "Resource": "*",
      "Condition": {
        "ForAnyValue:StringLike": { "sagemaker:InstanceTypes": ["ml.t3.*"] },
        "StringEquals": { "aws:RequestTag/team": "\${aws:PrincipalTag/team}", "aws:RequestedRegion": "us-east-1" }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "NotResource": ["arn:aws:s3:::a", "arn:aws:s3:::b"]
    },
    {
      "Effect": "Allow",
      "Principal": { "Service": "sagemaker.amazonaws.com", "AWS": ["111122223333"] },
      "Action": "sts:AssumeRole"
    }
  ]
}`;

function text(s: PolicySymbol, source = POLICY): string {
  return source.slice(s.offset, s.offset + s.length);
}

test('one symbol per statement: named by Sid or index, with effect and action count', () => {
  const symbols = documentSymbols(POLICY);
  assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [
    ['CreateApps', 'Allow · 2 actions'],
    ['Statement 2', 'Deny · 1 NotAction'],
    ['Statement 3', 'Allow · 1 action'],
  ]);
  // The range is the statement object; the selection is the Sid value, or the opening brace.
  assert.ok(text(symbols[0]).startsWith('{') && text(symbols[0]).endsWith('}'));
  assert.equal(POLICY.slice(symbols[0].selectionOffset, symbols[0].selectionOffset + symbols[0].selectionLength), '"CreateApps"');
  assert.equal(symbols[1].selectionLength, 1);
  assert.equal(POLICY[symbols[1].selectionOffset], '{');
});

test('children: the elements, a Condition\'s operators and keys, a Principal\'s types', () => {
  const [first, second, third] = documentSymbols(POLICY);
  assert.deepEqual(first.children!.map((c) => [c.name, c.detail]), [
    ['Effect', 'Allow'],
    ['Action', '2 entries'],
    ['Resource', '*'],
    ['Condition', '2 operators'],
  ]);
  const condition = first.children![3];
  assert.deepEqual(condition.children!.map((c) => [c.name, c.detail]), [['ForAnyValue:StringLike', '1 key'], ['StringEquals', '2 keys']]);
  assert.deepEqual(condition.children![1].children!.map((c) => [c.name, c.detail]), [['aws:RequestTag/team', '${aws:PrincipalTag/team}'], ['aws:RequestedRegion', 'us-east-1']]);
  assert.equal(POLICY.slice(condition.selectionOffset, condition.selectionOffset + condition.selectionLength), '"Condition"');
  assert.ok(text(condition).startsWith('"Condition": {'));
  assert.deepEqual(second.children!.map((c) => [c.name, c.detail]), [['Effect', 'Deny'], ['NotAction', 'iam:*'], ['NotResource', '2 entries']]);
  const principal = third.children!.find((c) => c.name === 'Principal')!;
  assert.equal(principal.detail, 'Service, AWS');
  assert.deepEqual(principal.children!.map((c) => [c.name, c.detail]), [['Service', 'sagemaker.amazonaws.com'], ['AWS', '111122223333']]);
  // Every child lies inside its parent.
  const inside = (parent: PolicySymbol) => {
    for (const child of parent.children ?? []) {
      assert.ok(child.offset >= parent.offset && child.offset + child.length <= parent.offset + parent.length);
      inside(child);
    }
  };
  documentSymbols(POLICY).forEach(inside);
});

test('a single statement object, a fragment, half-typed text', () => {
  assert.deepEqual(documentSymbols('{"Version": "2012-10-17", "Statement": {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}').map((s) => [s.name, s.detail]), [['One', 'Allow · 1 action']]);
  assert.deepEqual(documentSymbols('[{"Effect": "Deny", "Action": ["s3:*", "iam:*"]}]').map((s) => [s.name, s.detail]), [['Statement 1', 'Deny · 2 actions']]);
  assert.deepEqual(documentSymbols('{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Action": ["s3:GetObject"').map((s) => [s.name, s.detail]), [['A', '(no Effect) · 1 action']]);
  assert.deepEqual(documentSymbols('{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject"}, {"Effect": "').map((s) => [s.name, s.detail]), [['A', 'Allow · 1 action'], ['Statement 2', '(no Effect) · 0 actions']]);
});

test('no symbols outside policies', () => {
  assert.deepEqual(documentSymbols('{"name": "x", "version": "1.0.0"}'), []);
  assert.deepEqual(documentSymbols(''), []);
});
