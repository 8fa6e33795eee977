/**
 * Facts about the strings of a document read from its text, for rules that can only fire on a string with
 * some character in it (`${`, `<`, ...): one native scan of the text instead of a walk over every value.
 */
import { statementIndexAt, type Statement } from '../parse/model';

/**
 * Which of `statements` (in text order) hold a match of `pattern` (a global regex) in their text. A match
 * outside every statement marks none. A string with an escape (`\u0024{`) says in its value what its text
 * does not: include `\\` in the pattern where that matters.
 */
export function statementsMatching(text: string, statements: readonly Statement[], pattern: RegExp): Uint8Array {
  const marked = new Uint8Array(statements.length);
  if (statements.length === 0) return marked;
  // Only the statements' own span: after an edit a rule may be shown one statement of a 2 MB document.
  const last = statements[statements.length - 1].node;
  const end = last.offset + last.length;
  pattern.lastIndex = statements[0].node.offset;
  for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) {
    const index = statementIndexAt(statements, m.index);
    if (index < 0) continue;
    marked[index] = 1;
    // On past the rest of this statement: one match is enough to mark it.
    const node = statements[index].node;
    pattern.lastIndex = Math.max(pattern.lastIndex, node.offset + node.length);
  }
  return marked;
}

/**
 * Which of `statements` (in text order) have in their text a `${`, a `{` followed by `[A-Za-z0-9-]+:` (a
 * variable without its `$`) or a `\` (an escape, which can spell either in a value): the marks of
 * statementsMatching(text, statements, /\$\{|\{[A-Za-z0-9-]+:|\\/g). A policy's text has few braces
 * (a statement's own, its Condition's) and next to no backslashes, and indexOf skips to the next one far
 * faster than the regex engine tries each character.
 */
export function statementsWithVariableSyntax(text: string, statements: readonly Statement[]): Uint8Array {
  const marked = new Uint8Array(statements.length);
  if (statements.length === 0) return marked;
  // Only the statements' own span (see statementsMatching): the slice bounds every search to it.
  const start = statements[0].node.offset;
  const last = statements[statements.length - 1].node;
  const span = text.slice(start, last.offset + last.length);
  for (let i = span.indexOf('{'); i >= 0; i = span.indexOf('{', i + 1)) {
    // A `$` before the brace is inside the same string, so in the same statement.
    if ((i > 0 && span.charCodeAt(i - 1) === 0x24) /* $ */ || opensBareVariable(span, i)) i = mark(marked, statements, start, i);
  }
  for (let i = span.indexOf('\\'); i >= 0; i = span.indexOf('\\', i + 1)) i = mark(marked, statements, start, i);
  return marked;
}

/** Marks the statement at `at` (an offset in the span from `start`), and returns where to search on from: the end of that statement. */
function mark(marked: Uint8Array, statements: readonly Statement[], start: number, at: number): number {
  const index = statementIndexAt(statements, start + at);
  if (index < 0) return at;
  marked[index] = 1;
  const node = statements[index].node;
  return node.offset + node.length - start - 1;
}

/** `/\{[A-Za-z0-9-]+:/.test(text)`, looking only at the braces followed by a character the pattern allows (a few in a policy's text). */
export function hasBraceVariable(text: string): boolean {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (opensBareVariable(text, i)) return true;
  return false;
}

const BARE_VARIABLE = /\{[A-Za-z0-9-]+:/y;

/** Does `/\{[A-Za-z0-9-]+:/` match at the brace at `i`? Asked of the regex only when the next character can start the name. */
function opensBareVariable(text: string, i: number): boolean {
  const c = text.charCodeAt(i + 1);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return false;
  BARE_VARIABLE.lastIndex = i;
  return BARE_VARIABLE.test(text);
}
