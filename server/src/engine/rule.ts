import type { JsonNode, PolicyDocument, Statement } from './parse/model';
import type { Fix, PolicyKind, Severity } from './types';

export interface Report {
  /** The node to underline; or give offset and length. */
  node?: JsonNode;
  offset?: number;
  length?: number;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  readonly doc: PolicyDocument;
  /** Never null inside a rule: rules only run on documents with policy shape. */
  readonly kind: PolicyKind;
  /** The kind was forced by a setting or `--kind`, rather than guessed from the content. */
  readonly kindForced: boolean;
  report(report: Report): void;
}

export interface Rule {
  /** The catalog id: diagnostic code, CLI ruleId, settings key, docs/rules/<id>.md. */
  id: string;
  defaultSeverity: Severity;
  /** One line for the rule table, the settings description and hovers. */
  summary: string;
  /**
   * What a finding inside one statement depends on, so that an edit inside a statement re-checks only that
   * statement (see IncrementalLinter):
   *  - 'statement': that statement alone, and the document around the statements (Version, kind);
   *  - a function: also the other statements, but only through what it returns for each one (for example
   *    the text of every Deny): when that is the same before and after an edit, only the edited statement
   *    is re-checked, otherwise the whole document is;
   *  - absent: anything: the rule re-checks the whole document after every edit.
   * A rule with a scope is shown, after an edit, a view of the document with only the edited statement in
   * `doc.statements` (`allStatements(doc)` has them all). Its findings outside every statement (top-level
   * elements) must not depend on what the statements contain.
   */
  scope?: 'statement' | ((statement: Statement, text: string) => string);
  check(ctx: RuleContext): void;
}

/** Statements that grant: Effect exactly "Allow". */
export function allowStatements(doc: PolicyDocument): Statement[] {
  return doc.statements.filter((s) => s.effect === 'Allow');
}
