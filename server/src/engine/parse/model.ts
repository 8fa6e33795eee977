import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { PolicyKind } from '../types';

export type { JsonNode };

/** One `"key": value` pair of a JSON object, with the nodes that carry its offsets. */
export interface Property {
  key: string;
  keyNode: JsonNode;
  /** Missing when the text is broken after the colon. */
  value: JsonNode | undefined;
  /** The whole property node (key, colon and value). */
  node: JsonNode;
}

/**
 * One entry of a value that IAM accepts as "a string or an array of strings".
 * `text` is undefined when the entry is not a plain string: a CloudFormation intrinsic
 * (`{"Fn::Sub": ...}`, `{"Ref": ...}`), which the engine treats as an unknown value, or a
 * value of the wrong JSON type (reported by `invalid-type`).
 */
export interface ValueItem {
  text: string | undefined;
  node: JsonNode;
  intrinsic: boolean;
}

export interface ConditionEntry {
  key: string;
  keyNode: JsonNode;
  valueNode: JsonNode | undefined;
  /** Scalars as strings (`true` -> "true", `10` -> "10"), so operators can compare one way. */
  values: ValueItem[];
  property: Property;
}

export interface ConditionBlock {
  operator: string;
  operatorNode: JsonNode;
  entries: ConditionEntry[];
  property: Property;
}

export interface Statement {
  index: number;
  node: JsonNode;
  properties: Property[];
  /** Element lookup by exact (case-sensitive) name; first occurrence wins. */
  element(name: string): Property | undefined;
  sid: string | undefined;
  effect: string | undefined;
  actions: ValueItem[];
  notActions: ValueItem[];
  resources: ValueItem[];
  notResources: ValueItem[];
  conditions: ConditionBlock[];
  /**
   * Facts the rules derive from this statement, each worked out once and kept here (one slot per kind of
   * fact: see `memo` in rules/_util.ts). Dozens of rules ask the same questions of every statement, and a
   * field is much cheaper to read than a WeakMap.
   */
  readonly derived: { [slot: number]: unknown };
}

export interface PolicyDocument {
  text: string;
  /**
   * The text of the newest version of this document. It moves on when an edit inside a statement is spliced
   * into the tree (IncrementalLinter): work deferred until then, such as a fix whose edits are worked out
   * when read, reads it together with the nodes' offsets, which move with it.
   */
  latest: { text: string };
  root: JsonNode | undefined;
  /** Parse errors from jsonc-parser (the tree is still built around them). */
  parseErrors: ParseError[];
  /** Detected or forced kind; null when the document has no policy shape. */
  kind: PolicyKind | null;
  /** Top-level properties when the root is a policy object; empty for fragments. */
  topLevel: Property[];
  version: Property | undefined;
  /** The `Statement` property when present. */
  statementProperty: Property | undefined;
  statements: Statement[];
  /**
   * Set when this is a view of some statements of a larger document (an edit inside one statement
   * re-checks only that statement): the whole document, for rules whose findings depend on the other
   * statements too. See `allStatements`.
   */
  whole?: PolicyDocument;
}

/** Every statement of the document, also when a rule is shown a view of only some of them. */
export function allStatements(doc: PolicyDocument): Statement[] {
  return (doc.whole ?? doc).statements;
}

/** The index of the statement whose text contains the offset, or -1 (a binary search: statements are in text order). */
export function statementIndexAt(statements: readonly Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = statements[middle].node;
    if (offset < node.offset) high = middle - 1;
    else if (offset >= node.offset + node.length) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** Is the statement one the rule is shown (all of them, except in a view)? For rules that walk allStatements. */
export function inView(doc: PolicyDocument): (s: Statement) => boolean {
  if (!doc.whole) return () => true;
  const shown = new Set(doc.statements);
  return (s) => shown.has(s);
}

/**
 * A statement's memo slots (see `memo` in rules/_util.ts), by slot number, with room for every memo the rules
 * keep on a statement (23 today). Empty slots would cost each statement a trip through V8's runtime when its
 * first memo is stored (the elements grow from nothing): about 1 µs, most of a simple rule's time on a
 * statement. Made by `slice` of a template, not `new Array(n)` or a literal: a builtin's result has no
 * allocation site, which V8 may decide to allocate in the old generation, where the slots, holding facts
 * about the document, would keep it alive until a full collection (see TreeNode in fastTree.ts).
 */
export function newStatementSlots(): { [slot: number]: unknown } {
  return STATEMENT_SLOTS.slice();
}
/** How many memos a statement has room for: `memo` (rules/_util.ts) refuses to number more. */
export const STATEMENT_SLOT_COUNT = 32;
const STATEMENT_SLOTS: unknown[] = new Array(STATEMENT_SLOT_COUNT);
