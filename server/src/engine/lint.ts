import { parsePolicy } from './parse/parse';
import type { PolicyDocument } from './parse/model';
import type { Report, Rule, RuleContext } from './rule';
import { ALL_RULES } from './rules';
import type { Finding, LintOptions, LintResult, Severity } from './types';

export interface LintHooks {
  /** Called when a rule throws: the other rules still report. */
  onRuleError?(ruleId: string, error: unknown): void;
}

/** Lints one document. Never throws for any input text. */
export function lint(text: string, options: LintOptions = {}, hooks: LintHooks = {}): LintResult {
  const doc = parsePolicy(text, { kind: options.kind, strictJson: options.strictJson });
  return { kind: doc.kind, findings: runRules(doc, options, hooks) };
}

export function runRules(doc: PolicyDocument, options: LintOptions = {}, hooks: LintHooks = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const kind = doc.kind;
  if (kind === null) return [];
  const findings: Finding[] = [];
  // One context for all rules (the rule and severity being run are swapped in): dozens of rules run on
  // every keystroke's document.
  let ruleId = '';
  let severity: Severity = 'error';
  const ctx: RuleContext = {
    doc,
    kind,
    kindForced: options.kind !== undefined,
    report(r: Report) {
      // Clamped so that a range never leaves the document (parse errors can point just past its end).
      const offset = Math.min(Math.max(0, r.node ? r.node.offset : r.offset ?? 0), doc.text.length);
      const length = Math.max(0, Math.min(r.node ? r.node.length : r.length ?? 0, doc.text.length - offset));
      findings.push({ ruleId, severity, message: r.message, offset, length, fixes: r.fixes ?? [] });
    },
  };
  for (const rule of rules) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    ruleId = rule.id;
    severity = setting ?? rule.defaultSeverity;
    try {
      rule.check(ctx);
    } catch (error) {
      hooks.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}
