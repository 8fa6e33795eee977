/** Shared vocabulary of the engine. Offsets are UTF-16 code unit offsets into the document text. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const POLICY_KINDS = ['identity', 'resource', 'trust', 'endpoint', 'scp', 'boundary', 'fragment'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export function isPolicyKind(value: unknown): value is PolicyKind {
  return typeof value === 'string' && (POLICY_KINDS as readonly string[]).includes(value);
}

/** A replacement of `length` characters at `offset` by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A quick-fix: data only, so the CLI (`--fix`) and the editor apply exactly the same edits. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marks the single obvious fix (the editor shows it first and applies it on "auto fix"). */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  fixes: Fix[];
}

export interface LintOptions {
  /** Forces the policy kind instead of detecting it from the content. */
  kind?: PolicyKind;
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Record<string, SeveritySetting>;
  /** True for `.json` documents: comments are reported as syntax errors (IAM rejects them). */
  strictJson?: boolean;
}

export interface LintResult {
  /** null when the document is not a policy: then there are no findings at all. */
  kind: PolicyKind | null;
  findings: Finding[];
}
