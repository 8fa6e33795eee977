import type { JSONPath } from 'jsonc-parser';
import type { PolicyDocument, Statement } from '../parse/model';

/** LSP CompletionItemKind numbers, kept here so the engine stays free of LSP packages. */
export const ItemKind = { Function: 3, Variable: 6, Module: 9, Property: 10, Value: 12, Keyword: 14, EnumMember: 20, Operator: 24 } as const;

export interface CompletionEntry {
  label: string;
  /** Plain text, or a snippet (`$0` marks the cursor) when `snippet` is true. */
  insertText: string;
  filterText?: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  kind: number;
  /** insertText uses snippet syntax (`$0`, `${1|a,b|}`). */
  snippet?: boolean;
}

export interface CompletionResult {
  /** The span the chosen item replaces. */
  offset: number;
  length: number;
  items: CompletionEntry[];
  isIncomplete: boolean;
}

export interface Scope {
  doc: PolicyDocument;
  /** The statement the position is in, when it is in one (it may be missing in a half-typed document). */
  statement: Statement | undefined;
  inStatement: boolean;
  /** Path relative to the statement, or to the policy object at the top level. */
  path: JSONPath;
}

/** Where a completion lands: inside a string (its content is replaced) or at a bare position (quotes are inserted). */
export interface CompletionSpot {
  inString: boolean;
  /** The string has its closing quote. */
  closed: boolean;
  /** The span to replace by default: the string's content (up to the cursor when unterminated), or the bare word. */
  start: number;
  end: number;
  /** The text between `start` and the cursor. */
  typed: string;
  /** For a closed string: the offset just after its closing quote. */
  closingQuoteEnd?: number;
  /** A `:` follows (the key already has its colon). */
  followedByColon: boolean;
}
