/**
 * Linting the successive versions of one document, as the editor sends them while the user types. An edit
 * inside one statement (the usual keystroke) re-parses only that statement and re-runs only what can
 * have changed: each rule's `scope` says whether its findings in one statement depend on the others. The
 * findings are exactly those `lint` gives for the same text (test/unit/incremental.test.ts checks it on
 * random edits); anything the splice cannot handle is linted whole.
 */
import { isLiveFix } from './liveFix';
import { compareFindings, RuleRunner, severityOf, sortFindings, type LintHooks } from './lint';
import { statementIndexAt, type PolicyDocument, type Statement } from './parse/model';
import { parsePolicy } from './parse/parse';
import { movePosition, planStatementSplice, spliceStatement, type TextChange } from './parse/splice';
import type { Rule } from './rule';
import { ALL_RULES } from './rules';
import type { Finding, Fix, LintOptions, LintResult } from './types';

export class IncrementalLinter {
  private doc: PolicyDocument | undefined;
  private optionsKey = '';
  private last: LintResult = { kind: null, findings: [] };
  /** Findings of the rules with a scope, by the statement they lie in. */
  private inside = new Map<Statement, Finding[]>();
  /** Findings of the rules with a scope that lie outside every statement. */
  private outside: Finding[] = [];

  constructor(private readonly rules: readonly Rule[] = ALL_RULES) {}

  lint(text: string, options: LintOptions = {}, hooks: LintHooks = {}): LintResult {
    const optionsKey = JSON.stringify(options);
    if (this.doc && optionsKey === this.optionsKey) {
      if (text === this.doc.text) return this.last;
      let result: LintResult | undefined;
      try {
        result = this.relint(this.doc, text, options, hooks);
      } catch {
        result = undefined; // whatever went wrong (the tree may be half-spliced), the whole lint below starts afresh
      }
      if (result) return (this.last = result);
    }
    this.optionsKey = optionsKey;
    return (this.last = this.lintWhole(text, options, hooks));
  }

  private lintWhole(text: string, options: LintOptions, hooks: LintHooks): LintResult {
    const doc = parsePolicy(text, { kind: options.kind, strictJson: options.strictJson });
    this.doc = doc;
    this.inside = new Map();
    this.outside = [];
    if (doc.kind === null) return { kind: null, findings: [] };
    const documentFindings: Finding[] = [];
    const runner = new RuleRunner(doc, options, hooks);
    for (const rule of this.rules) {
      const severity = severityOf(rule, options);
      if (!severity) continue;
      if (rule.scope) this.file(doc, runner.run(rule, severity));
      else runner.run(rule, severity, documentFindings);
    }
    return { kind: doc.kind, findings: this.collect(doc, documentFindings) };
  }

  /** The findings for `text` from those of the previous text, or undefined when it must be linted whole. */
  private relint(previousDoc: PolicyDocument, text: string, options: LintOptions, hooks: LintHooks): LintResult | undefined {
    const parseOptions = { kind: options.kind, strictJson: options.strictJson };
    const plan = planStatementSplice(previousDoc, text, parseOptions);
    if (!plan) return undefined;
    const { change, previous } = plan;
    // Before the tree is changed: what each rule's findings elsewhere depend on, and the findings after the
    // edit moved to where they are in the new text.
    const contributions = new Map<Rule, string>();
    for (const rule of this.rules) if (typeof rule.scope === 'function') contributions.set(rule, rule.scope(previous, textOf(previous, previousDoc.text)));
    if (change.newEnd !== change.oldEnd) {
      for (let i = plan.index + 1; i < previousDoc.statements.length; i++) {
        const statement = previousDoc.statements[i];
        const found = this.inside.get(statement);
        if (found && found.length > 0) this.inside.set(statement, found.map((f) => moveFinding(f, change)));
      }
      this.outside = this.outside.map((f) => moveFinding(f, change));
    }

    const doc = spliceStatement(previousDoc, text, plan, parseOptions);
    this.doc = doc;
    if (!doc || doc.kind !== previousDoc.kind) return undefined; // the kind changes what every rule checks
    const statement = doc.statements[plan.index];
    this.inside.delete(previous);
    this.inside.set(statement, []);
    const view: PolicyDocument = { ...doc, statements: [statement], whole: doc };
    const documentFindings: Finding[] = [];
    const wholeRunner = new RuleRunner(doc, options, hooks);
    const viewRunner = new RuleRunner(view, options, hooks);
    for (const rule of this.rules) {
      const severity = severityOf(rule, options);
      if (!severity) continue;
      if (!rule.scope) {
        wholeRunner.run(rule, severity, documentFindings);
      } else if (typeof rule.scope === 'function' && rule.scope(statement, textOf(statement, text)) !== contributions.get(rule)) {
        // What the other statements' findings depend on changed: re-check them all.
        this.forget(doc, rule.id);
        this.file(doc, wholeRunner.run(rule, severity));
      } else {
        const own = this.inside.get(statement)!;
        for (const f of viewRunner.run(rule, severity)) if (within(statement, f.offset)) own.push(f);
      }
    }
    return { kind: doc.kind, findings: this.collect(doc, documentFindings) };
  }

  /** Files findings of a scoped rule under the statement they lie in. */
  private file(doc: PolicyDocument, findings: Finding[]): void {
    for (const f of findings) {
      const index = statementIndexAt(doc.statements, f.offset);
      if (index < 0) {
        this.outside.push(f);
        continue;
      }
      const statement = doc.statements[index];
      const list = this.inside.get(statement);
      if (list) list.push(f);
      else this.inside.set(statement, [f]);
    }
  }

  private forget(doc: PolicyDocument, ruleId: string): void {
    for (const s of doc.statements) {
      const list = this.inside.get(s);
      if (list?.some((f) => f.ruleId === ruleId)) this.inside.set(s, list.filter((f) => f.ruleId !== ruleId));
    }
    this.outside = this.outside.filter((f) => f.ruleId !== ruleId);
  }

  /**
   * All findings in `lint`'s order. Statements do not overlap and are in text order, so their lists, each
   * sorted, are in order one after the other; only the few findings outside them are merged in.
   */
  private collect(doc: PolicyDocument, documentFindings: Finding[]): Finding[] {
    const inside: Finding[] = [];
    for (const s of doc.statements) {
      const list = this.inside.get(s);
      if (list && list.length > 0) for (const f of sortFindings(list)) inside.push(f);
    }
    const others = sortFindings(documentFindings.concat(this.outside));
    if (others.length === 0) return inside;
    const merged: Finding[] = [];
    let i = 0;
    for (const f of others) {
      while (i < inside.length && compareFindings(inside[i], f) < 0) merged.push(inside[i++]);
      merged.push(f);
    }
    while (i < inside.length) merged.push(inside[i++]);
    return merged;
  }
}

function textOf(statement: Statement, text: string): string {
  return text.slice(statement.node.offset, statement.node.offset + statement.node.length);
}

function within(statement: Statement, offset: number): boolean {
  return offset >= statement.node.offset && offset < statement.node.offset + statement.node.length;
}

/**
 * A finding of the previous text, in the new text. A finding and its fixes lie in its own statement or
 * before it (a fix may add Version at the top), never inside another statement, so only positions after
 * the edit move.
 */
function moveFinding(f: Finding, change: TextChange): Finding {
  const offset = movePosition(f.offset, change);
  const end = movePosition(f.offset + f.length, change);
  if (offset === f.offset && end === f.offset + f.length) return f;
  return { ...f, offset, length: end - offset, fixes: f.fixes.map((fix) => moveFix(fix, change)) };
}

function moveFix(fix: Fix, change: TextChange): Fix {
  if (isLiveFix(fix)) return fix;
  const edits = fix.edits.map((e) => {
    const offset = movePosition(e.offset, change);
    return { offset, length: movePosition(e.offset + e.length, change) - offset, newText: e.newText };
  });
  return fix.preferred ? { title: fix.title, edits, preferred: true } : { title: fix.title, edits };
}
