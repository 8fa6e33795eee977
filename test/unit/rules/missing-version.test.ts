import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFires, assertFixResolves, policy, spanOf } from '../helpers';

const ID = 'missing-version';
const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

describe(ID, () => {
  it('fires on a policy without Version, at its opening brace', () => {
    const doc = { Statement: [statement] };
    const [f] = assertFires(ID, doc, {}, 1);
    assert.equal(f.offset, 0);
    assert.equal(spanOf(doc, f), '{');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /2008-10-17/);
  });

  it('fix inserts "Version": "2012-10-17" as the first element, on its own line, indented like the others', () => {
    const fixed = assertFixResolves(ID, { Id: 'x', Statement: [statement] });
    assert.ok(fixed.startsWith('{\n  "Version": "2012-10-17",\n  "Id": "x",'), fixed);
    assert.deepEqual(JSON.parse(fixed), { Version: '2012-10-17', Id: 'x', Statement: [statement] });
  });

  it('fix works on minified text and keeps CRLF line ends and tab indentation', () => {
    const minified = `{"Statement":[${JSON.stringify(statement)}]}`;
    assert.equal(assertFixResolves(ID, minified), `{"Version": "2012-10-17","Statement":[${JSON.stringify(statement)}]}`);
    const crlf = '{\r\n\t"Statement": [' + JSON.stringify(statement) + ']\r\n}';
    assert.equal(assertFixResolves(ID, crlf), '{\r\n\t"Version": "2012-10-17",\r\n\t"Statement": [' + JSON.stringify(statement) + ']\r\n}');
  });

  it('fires whatever the kind (trust, resource)', () => {
    assertFires(ID, { Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, {}, 1);
    assertFires(ID, { Statement: statement }, { kind: 'resource' }, 1);
  });

  it('clean with a Version, including a wrong one (invalid-version and old-version report those)', () => {
    assertClean(ID, policy(statement));
    assertClean(ID, { Version: '2008-10-17', Statement: [statement] });
    assertClean(ID, { Version: '2024-05-01', Statement: [statement] });
  });

  it('clean when "version" is written in the wrong case (unknown-element renames it)', () => {
    assertClean(ID, { version: '2012-10-17', Statement: [statement] });
  });

  it('clean on fragments: a bare statement or statement array has no Version to carry', () => {
    assertClean(ID, statement);
    assertClean(ID, [statement]);
  });
});
