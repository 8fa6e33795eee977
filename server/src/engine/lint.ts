import { parsePolicy } from './parse/parse';
import type { PolicyDocument } from './parse/model';
import type { Report, Rule, RuleContext } from './rule';
import { ALL_RULES } from './rules';
import type { Finding, LintOptions, LintResult, PolicyKind, Severity } from './types';

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
  const runner = new RuleRunner(doc, options, hooks);
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (severity) runner.run(rule, severity, findings);
  }
  return sortFindings(findings);
}

/** The rule's severity under the options, or undefined when it is turned off. */
export function severityOf(rule: Rule, options: LintOptions): Severity | undefined {
  const setting = options.severities?.[rule.id];
  return setting === 'off' ? undefined : setting ?? rule.defaultSeverity;
}

/**
 * Runs rules on one document (of policy shape) through one context, the rule being run swapped in: dozens
 * of rules run on every keystroke's document, and on every document of a repository in CI.
 */
export class RuleRunner {
  private ruleId = '';
  private severity: Severity = 'error';
  private into: Finding[] = [];
  private readonly ctx: RuleContext;

  constructor(doc: PolicyDocument, options: LintOptions, private readonly hooks: LintHooks) {
    const length = doc.text.length; // a view has the whole document's text
    this.ctx = new RunContext(doc, options.kind !== undefined, (r: Report) => {
      // Clamped so that a range never leaves the document (parse errors can point just past its end).
      const offset = Math.min(Math.max(0, r.node ? r.node.offset : r.offset ?? 0), length);
      const size = Math.max(0, Math.min(r.node ? r.node.length : r.length ?? 0, length - offset));
      this.into.push({ ruleId: this.ruleId, severity: this.severity, message: r.message, offset, length: size, fixes: r.fixes ?? [] });
    });
  }

  /** Adds the rule's findings to `into` and returns it. A rule that throws is reported to the hooks. */
  run(rule: Rule, severity: Severity, into: Finding[] = []): Finding[] {
    this.ruleId = rule.id;
    this.severity = severity;
    this.into = into;
    try {
      rule.check(this.ctx);
    } catch (error) {
      this.hooks.onRuleError?.(rule.id, error);
    }
    return into;
  }
}

class RunContext implements RuleContext {
  readonly kind: PolicyKind;

  constructor(
    readonly doc: PolicyDocument,
    readonly kindForced: boolean,
    readonly report: (report: Report) => void,
  ) {
    this.kind = doc.kind!;
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/**
 * By offset, then rule id. Rule ids are lower-case words and hyphens, which compare the same by code unit
 * as by locale; `localeCompare` would load the ICU collator, about 15 ms of every CLI run.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
