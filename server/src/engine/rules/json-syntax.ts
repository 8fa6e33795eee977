import { printParseErrorCode, ParseErrorCode } from 'jsonc-parser';
import type { Rule } from '../rule';
import type { Fix } from '../types';

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Invalid character: IAM accepts only strict JSON.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon is expected after the property name.',
  [ParseErrorCode.CommaExpected]: 'A comma is missing between these two entries.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace `}` is missing.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket `]` is missing.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected text after the end of the policy.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed: IAM rejects a policy that contains them.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: a closing double quote is missing.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape sequence in a string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid control character in a string.',
};

/** The last non-whitespace character before `offset`, or -1. */
function previousToken(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

export const rule: Rule = {
  id: 'json-syntax',
  defaultSeverity: 'error',
  summary: 'JSON syntax error (missing or trailing comma, unclosed bracket, comment, bad string, non-breaking space).',
  check({ doc, report }) {
    const { text } = doc;
    const seen = new Set<number>();
    for (const error of doc.parseErrors) {
      const at = error.offset;
      // jsonc-parser may report one broken spot twice (e.g. property name and value expected).
      if (seen.has(at)) continue;
      seen.add(at);
      const prev = previousToken(text, at);
      const closing = text[at] === '}' || text[at] === ']';
      if (closing && text[prev] === ',' && (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected)) {
        const fix: Fix = { title: 'Remove the trailing comma', edits: [{ offset: prev, length: 1, newText: '' }], preferred: true };
        report({ offset: prev, length: 1, message: 'Trailing comma: IAM rejects a comma before a closing bracket or brace.', fixes: [fix] });
        continue;
      }
      if (error.error === ParseErrorCode.CommaExpected && prev >= 0) {
        const fix: Fix = { title: 'Insert the missing comma', edits: [{ offset: prev + 1, length: 0, newText: ',' }], preferred: true };
        report({ offset: at, length: Math.max(error.length, 1), message: MESSAGES[error.error]!, fixes: [fix] });
        continue;
      }
      if (error.error === ParseErrorCode.InvalidSymbol && isNonBreakingSpaces(text, at, error.length)) {
        report({
          offset: at,
          length: error.length,
          message: 'Non-breaking space outside a string (often copied from a web page): IAM rejects it as malformed JSON.',
          fixes: [{ title: 'Replace with ordinary spaces', edits: [{ offset: at, length: error.length, newText: ' '.repeat(error.length) }], preferred: true }],
        });
        continue;
      }
      const message = MESSAGES[error.error] ?? `JSON syntax error: ${printParseErrorCode(error.error)}.`;
      report({ offset: at, length: Math.max(error.length, 1), message });
    }
  },
};

/**
 * Non-breaking spaces (U+00A0) come with policies copied from web pages. IAM rejects them between tokens
 * as malformed JSON; jsonc-parser reports a run of them there as one invalid symbol (inside strings and
 * comments they are text, and not reported).
 */
function isNonBreakingSpaces(text: string, offset: number, length: number): boolean {
  if (length < 1) return false;
  for (let i = offset; i < offset + length; i++) if (text.charCodeAt(i) !== 0xa0) return false;
  return true;
}
