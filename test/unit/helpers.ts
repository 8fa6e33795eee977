import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyEdits } from '../../server/src/engine/edits';
import { lint } from '../../server/src/engine/lint';
import { expandSnippetBody } from '../../server/src/engine/snippetText';
import type { Finding, LintOptions, LintResult } from '../../server/src/engine/types';

/** The findings of one rule for a policy given as text or as a value to stringify (pretty-printed). */
export function findingsOf(ruleId: string, policy: string | object, options: LintOptions = {}): Finding[] {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2);
  return lint(text, options).findings.filter((f) => f.ruleId === ruleId);
}

/** A policy document with the given statements and the current version. */
export function policy(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

export function assertFires(ruleId: string, doc: string | object, options: LintOptions = {}, count?: number): Finding[] {
  const found = findingsOf(ruleId, doc, options);
  assert.ok(found.length > 0, `${ruleId} should fire on:\n${typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)}`);
  if (count !== undefined) assert.equal(found.length, count, `${ruleId} should fire ${count} time(s), got ${found.map((f) => f.message).join(' | ')}`);
  return found;
}

export function assertClean(ruleId: string, doc: string | object, options: LintOptions = {}): void {
  const found = findingsOf(ruleId, doc, options);
  assert.deepEqual(found.map((f) => f.message), [], `${ruleId} should not fire`);
}

/** Applies the finding's fix (the preferred one unless a title is given) and returns the new text. */
export function applyFix(doc: string | object, finding: Finding, title?: string): string {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  assert.ok(fix, `expected a fix on ${finding.ruleId}: ${finding.message}`);
  return applyEdits(text, fix.edits);
}

/** After the fix the text is valid JSON and the rule no longer fires. */
export function assertFixResolves(ruleId: string, doc: string | object, options: LintOptions = {}): string {
  const [finding] = assertFires(ruleId, doc, options);
  const fixed = applyFix(doc, finding);
  assert.doesNotThrow(() => JSON.parse(fixed), `fix of ${ruleId} left invalid JSON:\n${fixed}`);
  assertClean(ruleId, fixed, options);
  return fixed;
}

/** The text a finding underlines. */
export function spanOf(doc: string | object, finding: Finding): string {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
  return text.slice(finding.offset, finding.offset + finding.length);
}

/** Every snippet of snippets/*.code-snippets expanded with its defaults: real, varied SageMaker policies. */
export function seedPolicies(): string[] {
  const dir = path.resolve(__dirname, '../../../snippets');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.code-snippets'))
    .sort()
    .flatMap((f) => Object.values(parseJsonc(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, { body: string[] }>))
    .map((s) => expandSnippetBody(s.body));
}

/** A deterministic random generator (mulberry32), so a failing random test can be replayed from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A lint result as plain data to compare, every fix's edits read (some are worked out when read). */
export function plainResult(result: LintResult): unknown {
  return {
    kind: result.kind,
    findings: result.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })) })),
  };
}
