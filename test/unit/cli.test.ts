import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

// The CLI contract is tested on the bundle users run (npm test builds it first).
const CLI = resolve(__dirname, '../../../dist/cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'smpl-cli-'));
const passRole = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/R' }] }, null, 2);
const broken = '{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "s3:GetObject", "Resource": "*"}]}';
writeFileSync(join(dir, 'passrole.json'), passRole);
writeFileSync(join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
mkdirSync(join(dir, 'nested'));
writeFileSync(join(dir, 'nested', 'broken.jsonc'), broken);
writeFileSync(join(dir, 'notes.txt'), 'not json');

describe('sagemaker-policy-lint CLI', () => {
  it('--format json prints exactly one object with the documented shape', () => {
    const r = run(['--format', 'json', join(dir, 'passrole.json')]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.files.length, 1);
    const [file] = out.files;
    assert.equal(file.kind, 'identity');
    const f = file.findings.find((x: { ruleId: string }) => x.ruleId === 'pass-role-without-service');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(typeof f.message, 'string');
    assert.deepEqual(Object.keys(f.range), ['start', 'end']);
    assert.deepEqual(Object.keys(f.range.start), ['line', 'character']);
    assert.equal(f.range.start.line, 5);
    assert.deepEqual(f.fixes, [{ title: 'Add condition StringEquals iam:PassedToService = sagemaker.amazonaws.com' }]);
  });

  it('walks directories (json and jsonc only), reports non-policies with kind null, exits 1 on an error finding', () => {
    const r = run(['--format', 'json', dir]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path.slice(dir.length + 1)).sort(), ['nested/broken.jsonc', 'package.json', 'passrole.json']);
    assert.equal(out.files.find((f: { path: string }) => f.path.endsWith('package.json')).kind, null);
    assert.deepEqual(out.files.find((f: { path: string }) => f.path.endsWith('package.json')).findings, []);
    assert.ok(out.files.find((f: { path: string }) => f.path.endsWith('broken.jsonc')).findings.some((f: { ruleId: string }) => f.ruleId === 'invalid-effect'));
  });

  it('reads standard input with -', () => {
    const r = run(['--format', 'json', '-'], broken);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).files[0].path, '<stdin>');
  });

  it('text format: path:line:col: severity rule: message, and a summary', () => {
    const r = run([join(dir, 'passrole.json')]);
    assert.match(r.stdout, /passrole\.json:6:\d+: warning pass-role-without-service: /);
    assert.match(r.stdout, /finding/);
  });

  it('sarif format is SARIF 2.1.0 with rules and results', () => {
    const r = run(['--format', 'sarif', join(dir, 'passrole.json')]);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].tool.driver.rules.length > 10);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 6);
  });

  it('--kind forces the kind', () => {
    const r = run(['--format', 'json', '--kind', 'trust', join(dir, 'passrole.json')]);
    assert.equal(JSON.parse(r.stdout).files[0].kind, 'trust');
  });

  it('--fix writes the fixed file', () => {
    const file = join(dir, 'fixme.json');
    writeFileSync(file, passRole);
    run(['--fix', file]);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).Statement[0].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
  });

  it('exit 2 with a one-line message on bad usage and unreadable input', () => {
    for (const args of [[], ['--format', 'xml', 'x.json'], ['--kind', 'nope', 'x.json'], ['--bogus'], [join(dir, 'missing.json')]]) {
      const r = run(args);
      assert.equal(r.status, 2, `args ${args.join(' ')}`);
      assert.match(r.stderr.split('\n')[0], /^sagemaker-policy-lint: .+/);
    }
  });
});
