/**
 * Incremental re-parse. A keystroke inside one statement of a 2 MB policy should not re-read 2 MB: when
 * the only difference from the previous text lies inside one statement, that statement's text is parsed
 * alone and spliced into the previous tree, and everything after it is moved by the change in length.
 */
import type { ParseError } from 'jsonc-parser';
import { detectKind, hasPolicyShape } from './kind';
import { statementIndexAt, type JsonNode, type PolicyDocument, type Statement } from './model';
import { buildStatement, describeTopLevel, MAX_NESTING, parseJsonTree, type ParseOptions } from './parse';

/** jsonc-parser's nodes are read-only to its users; the splice moves them in place on purpose. */
type MovableNode = { -readonly [K in keyof JsonNode]: JsonNode[K] };

/** The smallest replacement that turns one text into the other: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Where the previous text and `text` differ, or undefined when they are equal. */
export function textChange(previous: string, text: string): TextChange | undefined {
  if (previous === text) return undefined;
  const shorter = Math.min(previous.length, text.length);
  let start = 0;
  // Compare in blocks first: slices are cheap views, and their comparison is native.
  const BLOCK = 1024;
  while (start + BLOCK <= shorter && previous.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && previous.charCodeAt(start) === text.charCodeAt(start)) start++;
  let common = 0;
  const room = shorter - start;
  while (common + BLOCK <= room && previous.slice(previous.length - common - BLOCK, previous.length - common) === text.slice(text.length - common - BLOCK, text.length - common)) common += BLOCK;
  while (common < room && previous.charCodeAt(previous.length - 1 - common) === text.charCodeAt(text.length - 1 - common)) common++;
  return { start, oldEnd: previous.length - common, newEnd: text.length - common };
}

/** Moves a position of the previous text to the new text (positions inside the replaced range go to its start). */
export function movePosition(position: number, change: TextChange): number {
  if (position >= change.oldEnd) return position + change.newEnd - change.oldEnd;
  return Math.min(position, change.start);
}

/** A statement re-parsed from the new text, ready to replace the old one (see `spliceStatement`). */
export interface StatementSplice {
  change: TextChange;
  /** Index in `doc.statements`. */
  index: number;
  previous: Statement;
  /** The new statement's tree, with offsets in the new text. */
  node: JsonNode;
  /** Its syntax errors (the statement may be half-typed), with offsets in the new text. */
  errors: ParseError[];
}

/**
 * The splice that turns `doc` (the parsed previous text) into the document of `text`, or undefined when
 * `text` must be parsed whole: the change is not strictly inside one statement, the previous text had
 * syntax errors elsewhere, or the new statement text is not one object closed by its last brace. Reads
 * `doc` without changing it.
 *
 * A statement with syntax errors inside it (typing `"` opens a string) can be spliced: jsonc-parser's
 * decisions depend only on the tokens it has read, so when the statement's text, parsed alone, ends with
 * the brace that closes it and has no error at or after that brace, parsing the whole text builds the
 * same subtree with the same errors, and everything after it is read as before.
 */
export function planStatementSplice(doc: PolicyDocument, text: string, options: ParseOptions = {}): StatementSplice | undefined {
  if (doc.kind === null || !doc.root || doc.whole) return undefined;
  const change = textChange(doc.text, text);
  if (!change) return undefined;
  const index = statementIndexAt(doc.statements, change.start);
  if (index < 0) return undefined;
  const previous = doc.statements[index];
  const old = previous.node;
  // Strictly inside the braces: an edit that touches one is not inside the statement.
  if (change.start <= old.offset || change.oldEnd >= old.offset + old.length) return undefined;
  // Errors elsewhere would stay, and their recovery may have shaped the tree around this statement.
  if (doc.parseErrors.some((e) => e.offset <= old.offset || e.offset + e.length >= old.offset + old.length)) return undefined;
  // A bare statement as the whole document, or a statement object that is the Statement value: parse it all.
  if (old === doc.root || old.parent?.type !== 'array') return undefined;
  const delta = change.newEnd - change.oldEnd;
  const slice = text.slice(old.offset, old.offset + old.length + delta);
  const errors: ParseError[] = [];
  // The statement may nest only as deep as the whole document may, less the brackets around it.
  const node = parseJsonTree(slice, errors, options.strictJson === true, MAX_NESTING - bracketsAround(old));
  if (!node || node.type !== 'object' || node.offset !== 0 || node.length !== slice.length || !slice.endsWith('}')) return undefined;
  if (errors.some((e) => e.offset + e.length >= slice.length - 1)) return undefined;
  shift(node, old.offset);
  return { change, index, previous, node, errors: errors.map((e) => ({ ...e, offset: e.offset + old.offset })) };
}

/**
 * Applies a planned splice and returns the new document. The nodes and Statement objects of the other
 * statements are reused (what rules derived from them stays valid); their offsets are moved in place, so
 * the previous document must not be used afterwards.
 */
export function spliceStatement(doc: PolicyDocument, text: string, splice: StatementSplice, options: ParseOptions = {}): PolicyDocument | undefined {
  const { change, index, previous, node, errors } = splice;
  const old = previous.node;
  const parent = old.parent!;
  const siblings = parent.children!;
  const position = siblings.indexOf(old);
  if (position < 0) return undefined;
  siblings[position] = node;
  (node as MovableNode).parent = parent;
  const delta = change.newEnd - change.oldEnd;
  if (delta !== 0) {
    // What follows the statement moves; the containers around it grow or shrink.
    for (let i = position + 1; i < siblings.length; i++) shift(siblings[i], delta);
    for (let child: JsonNode = parent, up = parent.parent; up; child = up, up = up.parent) {
      const around = up.children ?? [];
      for (let i = around.indexOf(child) + 1; i < around.length; i++) shift(around[i], delta);
    }
    for (let container: JsonNode | undefined = parent; container; container = container.parent) (container as MovableNode).length += delta;
  }
  const statements = doc.statements.slice();
  statements[index] = buildStatement(node, previous.index);
  const root = doc.root!;
  const shape = hasPolicyShape(root);
  if (!shape) return undefined;
  doc.latest.text = text;
  const next: PolicyDocument = { ...doc, text, statements, parseErrors: errors };
  if (shape === 'policy') describeTopLevel(next);
  next.kind = options.kind ?? detectKind(shape, statements);
  return next;
}

function bracketsAround(node: JsonNode): number {
  let count = 0;
  for (let up = node.parent; up; up = up.parent) if (up.type === 'object' || up.type === 'array') count++;
  return count;
}

function shift(node: JsonNode, delta: number): void {
  const movable = node as MovableNode;
  movable.offset += delta;
  if (movable.colonOffset !== undefined) movable.colonOffset += delta;
  if (node.children) for (const child of node.children) shift(child, delta);
}
