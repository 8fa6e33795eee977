import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { assertClean, assertFires, assertFixResolves, findingsOf, spanOf } from '../helpers';

const ID = 'json-syntax';
const STATEMENT = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}';
const doc = (statement = STATEMENT, between = ',') => `{"Version":"2012-10-17"${between}"Statement":[${statement}]}`;
const NBSP = '\u00a0';

describe(ID, () => {
  it('fires on a trailing comma before } and underlines the comma', () => {
    const text = doc('{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",}');
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), ',');
    assert.equal(f.offset, text.indexOf('"*",') + 3);
    assert.match(f.message, /Trailing comma/);
  });

  it('fires on a trailing comma before ] and the fix removes only that comma', () => {
    const text = doc('{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject",],"Resource":"*"}');
    const fixed = assertFixResolves(ID, text);
    assert.equal(fixed, doc('{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}'));
  });

  it('fires on a trailing comma on its own line in a pretty-printed policy', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },\n  ]\n}';
    const fixed = assertFixResolves(ID, text);
    assert.deepEqual(JSON.parse(fixed).Statement, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
  });

  it('fires on a missing comma between two properties, underlining the second, and the fix inserts it after the first', () => {
    const text = doc('{"Effect":"Allow" "Action":"s3:GetObject","Resource":"*"}');
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), '"Action"');
    assert.match(f.message, /comma is missing/);
    const fixed = assertFixResolves(ID, text);
    assert.equal(fixed, doc('{"Effect":"Allow", "Action":"s3:GetObject","Resource":"*"}'));
  });

  it('fires on a missing comma at the end of a line: the comma goes at the end of that line, not before the next key', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:GetObject"\n    "Resource": "*"\n  }]\n}';
    const fixed = assertFixResolves(ID, text);
    assert.ok(fixed.includes('"Action": "s3:GetObject",\n    "Resource"'));
    assert.equal(JSON.parse(fixed).Statement[0].Resource, '*');
  });

  it('fires on a missing comma between two statements of the array', () => {
    const text = doc(`${STATEMENT} ${STATEMENT}`);
    const fixed = assertFixResolves(ID, text);
    assert.equal(JSON.parse(fixed).Statement.length, 2);
  });

  it('fires on a comment in strict JSON (.json), with no fix', () => {
    const text = '{\n  // read access\n  "Version": "2012-10-17",\n  "Statement": [' + STATEMENT + ']\n}';
    const [f] = assertFires(ID, text, { strictJson: true }, 1);
    assert.equal(spanOf(text, f), '// read access');
    assert.match(f.message, /Comments are not allowed/);
    assert.equal(f.fixes.length, 0);
    const block = doc(STATEMENT, ', /* block */');
    assert.equal(spanOf(block, assertFires(ID, block, { strictJson: true }, 1)[0]), '/* block */');
  });

  it('clean: comments are allowed in JSONC (the default when strictJson is not set)', () => {
    assertClean(ID, '{\n  // read access\n  "Version": "2012-10-17", /* inline */\n  "Statement": [' + STATEMENT + ']\n}');
    assertClean(ID, '{\n  // read access\n  "Version": "2012-10-17",\n  "Statement": [' + STATEMENT + ']\n}', { strictJson: false });
  });

  it('fires once on a run of non-breaking spaces between tokens, and the fix replaces them with spaces', () => {
    const text = doc(STATEMENT, `,${NBSP}${NBSP}`);
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), NBSP + NBSP);
    assert.match(f.message, /Non-breaking space/);
    const fixed = assertFixResolves(ID, text);
    assert.equal(fixed, doc(STATEMENT, ',  '));
  });

  it('fires on a non-breaking space used as indentation in a pretty-printed policy', () => {
    const text = `{\n${NBSP}${NBSP}"Version": "2012-10-17",\n  "Statement": [${STATEMENT}]\n}`;
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(f.offset, 2);
    assert.equal(f.length, 2);
  });

  it('clean: a non-breaking space inside a string or a JSONC comment is text, not a syntax error', () => {
    assertClean(ID, doc(`{"Sid":"a${NBSP}b","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/my${NBSP}file"}`));
    assertClean(ID, doc(STATEMENT, `, /* it's "quoted"${NBSP}here */`));
  });

  it('fires on a non-breaking space after a comment that contains a double quote (the quote does not open a string)', () => {
    const text = doc(STATEMENT, `, /* "x */${NBSP}`);
    const [f] = assertFires(ID, text, {}, 1);
    assert.match(f.message, /Non-breaking space/);
  });

  it('fires on an unclosed bracket or brace, and the rest of the document is still linted', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}';
    const [f] = assertFires(ID, text, {}, 1);
    assert.match(f.message, /closing bracket|closing brace/);
    assert.ok(findingsOf('invalid-effect', text).length === 1, 'other rules still report on the broken document');
  });

  it('fires on an unterminated string, single quotes and a bad escape', () => {
    assert.match(assertFires(ID, doc('{"Effect":"Allow","Action":"s3:GetObject","Resource":"*}'))[0].message, /Unterminated string/);
    assert.match(assertFires(ID, doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"))[0].message, /Invalid character|property name/);
    assert.match(assertFires(ID, doc('{"Effect":"Allow","Action":"s3:GetObject","Resource":"a\\qb"}'), {}, 1)[0].message, /escape/);
  });

  it('fires on text after the end of the policy', () => {
    const text = doc() + ' extra';
    const [f] = assertFires(ID, text, {}, 1);
    assert.equal(spanOf(text, f), 'extra');
  });

  it('fires in a fragment (a bare statement array with a trailing comma)', () => {
    assertFixResolves(ID, `[${STATEMENT},]`);
  });

  it('clean on a valid policy, pretty-printed or minified, with CRLF line ends or a BOM', () => {
    assertClean(ID, doc());
    assertClean(ID, JSON.stringify(JSON.parse(doc()), null, 2).replace(/\n/g, '\r\n'));
    assertClean(ID, '\ufeff' + doc());
  });

  it('clean: non-policy JSON (package.json) with syntax errors gets no finding at all', () => {
    const packageJson = '{\n  "name": "my-app",\n  "version": "1.0.0",\n  "scripts": { "build": "tsc", },\n}';
    const result = lint(packageJson, { strictJson: true });
    assert.equal(result.kind, null);
    assert.deepEqual(result.findings, []);
  });
});
