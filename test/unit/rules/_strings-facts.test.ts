import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../../server/src/engine/parse/parse';
import { statementsMatching, statementsWithVariableSyntax } from '../../../server/src/engine/rules/_strings-facts';

const VARIABLE_SYNTAX = /\$\{|\{[A-Za-z0-9-]+:|\\/g;

const STATEMENTS = [
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/{aws:username}/*"}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\\u0024{aws:username}"}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"ml"}}}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/{-:x}","Sid":"${"}',
  '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/$"}',
];

describe('_strings-facts: statementsWithVariableSyntax', () => {
  it('marks what statementsMatching marks with the pattern it stands for, also in a view of some statements', () => {
    const text = `{"Version":"2012-10-17","Statement":[${STATEMENTS.join(',\n  ')}]} {aws:x} \${`;
    const all = parsePolicy(text).statements;
    assert.equal(all.length, STATEMENTS.length);
    const views = [all, all.slice(1, 3), [all[0], all[4]], [all[2], all[6]], [all[3]], []];
    for (const view of views) {
      assert.deepEqual(statementsWithVariableSyntax(text, view), statementsMatching(text, view, VARIABLE_SYNTAX));
    }
    assert.deepEqual([...statementsWithVariableSyntax(text, all)], [0, 1, 1, 1, 0, 1, 0]);
  });
});
