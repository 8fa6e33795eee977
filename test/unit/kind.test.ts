import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';

const kindOf = (doc: unknown, kind?: Parameters<typeof lint>[1] extends infer O ? O extends { kind?: infer K } ? K : never : never) =>
  lint(typeof doc === 'string' ? doc : JSON.stringify(doc), kind ? { kind } : {}).kind;

describe('kind detection', () => {
  it('identity: statements without Principal', () => {
    assert.equal(kindOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }), 'identity');
  });
  it('trust: principals that may only assume the role', () => {
    assert.equal(kindOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), 'trust');
    assert.equal(kindOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/idp' }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }] }), 'trust');
  });
  it('resource: principals with other actions (bucket, key policies)', () => {
    assert.equal(kindOf({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] }), 'resource');
  });
  it('fragment: a bare statement or an array of statements', () => {
    assert.equal(kindOf({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), 'fragment');
    assert.equal(kindOf([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: 'x', Effect: 'Deny', Action: '*', Resource: '*' }]), 'fragment');
  });
  it('a Version alone (statement still to be written) is a policy', () => {
    assert.equal(kindOf({ Version: '2012-10-17' }), 'identity');
  });
  it('a lower-case "statement" still makes a policy (so unknown-element can say so)', () => {
    assert.equal(kindOf({ statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }), 'identity');
  });
  it('the kind can be forced', () => {
    assert.equal(kindOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }, 'endpoint'), 'endpoint');
  });
});

describe('non-policy JSON gets no findings at all', () => {
  const samples: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'node --test' }, dependencies: { a: '^1' } }, null, 2),
    'tsconfig.json': '{\n  // comment\n  "compilerOptions": { "strict": true, },\n}',
    'array of numbers': '[1, 2, 3]',
    'schema': JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { Effect: { type: 'string' } } }),
    'broken non-policy': '{"name": "x", "version": ',
    'object with Effect only': JSON.stringify({ Effect: 'Allow' }),
  };
  for (const [name, text] of Object.entries(samples)) {
    it(name, () => {
      const result = lint(text, { strictJson: true });
      assert.equal(result.kind, null);
      assert.deepEqual(result.findings, []);
    });
  }
});
