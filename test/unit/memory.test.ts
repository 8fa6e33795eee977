import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Node } from 'jsonc-parser';
import { lint } from '../../server/src/engine/lint';
import { parsePolicy } from '../../server/src/engine/parse/parse';
import { reference } from '../../server/src/engine/data/reference';
import { actionFacts, entriesOf, entriesWith, UNKNOWN_SERVICE } from '../../server/src/engine/rules/_action';
import { ruleGrants } from '../../server/src/engine/rules/_grants';
import { unconstrainedGrants } from '../../server/src/engine/rules/_security';
import { actionPatternsFor } from '../../server/src/engine/rules/_util';
import { conditionFacts } from '../../server/src/engine/rules/_conditions-facts';

// The engine keeps bounded caches keyed by texts from documents (action names, ARNs, condition keys). V8
// slices strings without copying them, so a key taken straight from a document would keep that whole
// document alive: in the editor, a new copy of the text on every keystroke.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A policy of about 1 MB (a long Sid) whose texts are new to the caches (`n` makes them unique). */
function bigPolicy(n: number): string {
  const statement = {
    Sid: `Padding${'x'.repeat(1_000_000)}`,
    Effect: 'Allow',
    Action: [`sagemaker:DescribeTrainingJobNumber${n}`, `s3:GetObjectVersionNumber${n}*`, `sagemakerx${n}:List*`],
    Resource: [`arn:aws:s3:::bucket-number-${n}/*`, `arn:aws:sagemaker:us-east-1:111122223333:training-job/job-${n}`],
    Condition: { StringEquals: { [`aws:ResourceTag/team-number-${n}`]: `value-${n}`, [`sagemaker:VolumeKmsKeyNumber${n}`]: 'k' } },
  };
  const open = {
    Effect: 'Allow',
    Action: [`sagemaker:Create*Number${n}`, `iam:PassRoleNumber${n}`, `kms:*`, `sagemaker:CreatePresignedDomainUrl`],
    Resource: [`arn:aws:iam::111122223333:role/number-${n}/*`, `arn:aws:kms:*:*:key/number-${n}*`, `*`],
  };
  const deny = { Effect: 'Deny', NotAction: [`s3:GetNumber${n}*`], Resource: `arn:aws:s3:::deny-number-${n}`, Principal: { AWS: `arn:aws:iam::111122223333:role/principal-${n}` } };
  // Lower-case texts: lower-casing one returns the very same string, which must not become a key either.
  const lower = {
    Effect: 'Allow',
    Action: [`sagemaker:describetrainingjobnumber${n}`, `ec2:describe*number${n}`, `unknownservicenumber${n}:get*`],
    NotResource: [`arn:aws:s3:::lower-case-bucket-number-${n}/*`],
    Condition: { [`StringEqualsIfExistsNumber${n}`]: { [`sagemaker:resourcetag/owner-number-${n}`]: 'x' }, Bool: { [`aws:securetransportnumber${n}`]: 'true' } },
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement, open, deny, lower] });
}

describe('memory', () => {
  it('linting many large documents does not keep them alive through the caches', () => {
    lint(bigPolicy(-1)); // the reference data and the modules' own tables
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < 60; n++) lint(bigPolicy(n));
    gc();
    const grownMB = (process.memoryUsage().heapUsed - before) / 1e6;
    // 60 documents of 2 MB each (UTF-16) would be 120 MB; the caches' own entries are a few kilobytes.
    assert.ok(grownMB < 20, `the heap grew by ${grownMB.toFixed(1)} MB after linting 60 documents of 1 MB`);
  });
});

// V8 decides per object or array literal (allocation site), from the few objects it watches while the code is
// still interpreted, whether to allocate that literal's objects in the old generation. An object there that
// points into a document keeps the whole document alive until a full collection: when the parse tree was
// made of literals, a lint of the managed-policy corpus promoted about 30 MB a pass. Objects made by `new`
// have no allocation site, so the model, and the per-statement facts that hold parts of it, are class instances.
describe('document objects are made by constructors, not literals', () => {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*', 'S3:GETOBJECT'], Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 's3:prefix': ['a*'] } } },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
    ],
  });
  const fromLiteral = (o: object) => Object.getPrototypeOf(o) === Object.prototype;

  it('the tree, the statements, their elements, items and conditions', () => {
    const doc = parsePolicy(text);
    const nodes: Node[] = [];
    const walk = (n: Node) => (nodes.push(n), n.children?.forEach(walk));
    walk(doc.root!);
    assert.equal(nodes.length, 40);
    assert.deepEqual(nodes.filter(fromLiteral), []);
    assert.ok(!fromLiteral(doc));
    const statements = doc.statements;
    const objects = [
      ...statements,
      ...statements.flatMap((s) => s.properties),
      ...statements.flatMap((s) => [...s.actions, ...s.notActions, ...s.resources]),
      ...statements.flatMap((s) => s.conditions.flatMap((b) => [b, ...b.entries, ...b.entries.flatMap((e) => e.values)])),
    ];
    assert.equal(objects.length, 18);
    assert.deepEqual(objects.filter(fromLiteral), []);
  });

  it('the action and condition facts of a statement', () => {
    const [allow, deny] = parsePolicy(text).statements;
    const facts = [allow, deny].flatMap((s) => {
      const lists = actionFacts(s);
      return [lists, lists.Action, lists.NotAction, ...lists.Action.items, ...lists.NotAction.items, ...entriesOf(s)];
    });
    const conditions = conditionFacts(allow);
    assert.equal(facts.length, 14);
    assert.deepEqual([...facts, conditions, ...conditions.blocks, ...conditions.blocks.flatMap((b) => b.entries)].filter(fromLiteral), []);
  });
});

// V8 walks a frozen array many times slower than another (a for-of over an empty frozen array makes an iterator
// and a result object): the empty lists that shared facts return for most statements are not frozen.
describe('shared empty lists', () => {
  it('are not frozen', () => {
    const doc = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
    const [s] = doc.statements;
    const empties = [
      entriesWith(s, UNKNOWN_SERVICE),
      actionPatternsFor(s, 'iam'),
      unconstrainedGrants(doc, 'resource', ['s3:GetObject']),
      ruleGrants(s, reference().actions('sagemaker')),
    ];
    assert.deepEqual(empties.map((list) => list.length), [0, 0, 0, 0]);
    assert.deepEqual(empties.filter((list) => Object.isFrozen(list)), []);
  });

  it('nor are the shared lists of the reference data, which rules walk on every lint', () => {
    const ref = reference();
    const createTrainingJob = ref.action('sagemaker', 'CreateTrainingJob')!;
    const listDomains = ref.action('sagemaker', 'ListDomains')!;
    const lists = [
      ref.actions('sagemaker'),
      ref.matchActions('s3:Get*'),
      ref.matchActions('*'),
      ref.resourceTypes('sagemaker'),
      ref.serviceConditionKeys('sagemaker'),
      ref.conditionKeysForAction(createTrainingJob),
      createTrainingJob.resourceTypes,
      createTrainingJob.conditionKeys,
      listDomains.dependentActions, // absent in the data: the shared empty list
      ref.servicesWithArnField('no-such-field'),
    ];
    assert.ok(lists.every((list) => Array.isArray(list)));
    assert.equal(listDomains.dependentActions.length, 0);
    assert.deepEqual(lists.map((list, i) => (Object.isFrozen(list) ? i : -1)).filter((i) => i >= 0), []);
  });
});
