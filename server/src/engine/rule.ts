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
  check(ctx: RuleContext): void;
}

/** Statements that grant: Effect exactly "Allow". */
export function allowStatements(doc: PolicyDocument): Statement[] {
  return doc.statements.filter((s) => s.effect === 'Allow');
}
