import { parsePolicy } from './parse/parse';
import type { PolicyDocument } from './parse/model';
import type { Report, Rule, RuleContext } from './rule';
import { ALL_RULES } from './rules';
import type { Finding, LintOptions, LintResult, Severity } from './types';

export interface LintHooks {
  /** Called when a rule throws: the other rules still report. */
  onRuleError?(ruleId: string, error: unknown): void;
}

/** Lints one document. Never throws for any input text. For the edits of one document, see IncrementalLinter. */
export function lint(text: string, options: LintOptions = {}, hooks: LintHooks = {}): LintResult {
  const doc = parsePolicy(text, { kind: options.kind, strictJson: options.strictJson });
  return { kind: doc.kind, findings: runRules(doc, options, hooks) };
}

export function runRules(doc: PolicyDocument, options: LintOptions = {}, hooks: LintHooks = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  if (doc.kind === null) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (severity) checkRule(doc, rule, severity, options, hooks, findings);
  }
  return sortFindings(findings);
}

/** The rule's severity under the options, or undefined when it is turned off. */
export function severityOf(rule: Rule, options: LintOptions): Severity | undefined {
  const setting = options.severities?.[rule.id];
  return setting === 'off' ? undefined : setting ?? rule.defaultSeverity;
}

/** Runs one rule on a document (of policy shape), adding its findings to `into`. A rule that throws is reported to the hooks. */
export function checkRule(doc: PolicyDocument, rule: Rule, severity: Severity, options: LintOptions, hooks: LintHooks, into: Finding[]): Finding[] {
  const text = doc.whole?.text ?? doc.text;
  const ctx: RuleContext = {
    doc,
    kind: doc.kind!,
    kindForced: options.kind !== undefined,
    report(r: Report) {
      // Clamped so that a range never leaves the document (parse errors can point just past its end).
      const offset = Math.min(Math.max(0, r.node ? r.node.offset : r.offset ?? 0), text.length);
      const length = Math.max(0, Math.min(r.node ? r.node.length : r.length ?? 0, text.length - offset));
      into.push({ ruleId: rule.id, severity, message: r.message, offset, length, fixes: r.fixes ?? [] });
    },
  };
  try {
    rule.check(ctx);
  } catch (error) {
    hooks.onRuleError?.(rule.id, error);
  }
  return into;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** By offset, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.ruleId.localeCompare(b.ruleId);
}
