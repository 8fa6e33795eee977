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

const BRACE_VARIABLE = /\{[A-Za-z0-9-]+:/y;

/** `/\{[A-Za-z0-9-]+:/.test(text)`, looking only at the braces followed by a character the pattern allows (a few in a policy's text). */
export function hasBraceVariable(text: string): boolean {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d) {
      BRACE_VARIABLE.lastIndex = i;
      if (BRACE_VARIABLE.test(text)) return true;
    }
  }
  return false;
}
