import { getLocation, getNodePath, type JSONPath, type Node as JsonNode } from 'jsonc-parser';
import { parseCached } from './policyCache';
import type { PolicyDocument } from './parse/model';
import type { LintOptions } from './types';
import { keyItems, valueItems } from './completion/items';
import type { CompletionResult, CompletionSpot, Scope } from './completion/types';

export { ItemKind, type CompletionEntry, type CompletionResult } from './completion/types';

/**
 * Completions at `offset`: element names, Effect/Version values, actions, resources, principals,
 * condition operators, condition keys valid for the statement, and known condition values. Works
 * in half-typed documents: an unterminated string, a key without its colon, a missing value.
 */
export function complete(text: string, offset: number, options: LintOptions = {}): CompletionResult | undefined {
  const doc = parseCached(text, options);
  if (!doc.root || (doc.kind === null && !startsLikePolicy(doc.root))) return undefined;
  const location = getLocation(text, offset);
  const spot = spotAt(text, offset, location.previousNode);
  const scope = scopeOf(doc, location.path);
  if (!scope) return undefined;
  const result = location.isAtPropertyKey ? keyItems(scope, spot, text) : valueItems(scope, spot, text);
  if (!result) return undefined;
  return { offset: result.range.offset, length: result.range.length, items: result.items, isIncomplete: result.isIncomplete };
}

/**
 * A policy being started (`{"Version": "` with no Statement yet) is not a policy to the linter, but
 * completion should already help: a root object with an exact `Version` or `Statement` key qualifies.
 */
function startsLikePolicy(root: JsonNode): boolean {
  return root.type === 'object' && (root.children ?? []).some((p) => p.type === 'property' && (p.children?.[0]?.value === 'Version' || p.children?.[0]?.value === 'Statement'));
}

/** Where the completion lands: inside a string (replace its content) or at a bare position (insert quotes). */
function spotAt(text: string, offset: number, previous: JsonNode | undefined): CompletionSpot {
  if (previous && (previous.type === 'string' || previous.type === 'property') && text[previous.offset] === '"') {
    const end = previous.offset + previous.length;
    const closed = previous.length >= 2 && text[end - 1] === '"' && text[end - 2] !== '\\';
    const innerEnd = closed ? end - 1 : end;
    if (previous.offset < offset && offset <= innerEnd) {
      const start = previous.offset + 1;
      // An unterminated string runs to the end of the line: replace only up to the cursor, not what follows.
      const replaceEnd = closed ? innerEnd : offset;
      const afterQuote = closed ? text.slice(end).match(/^\s*(.)/)?.[1] : undefined;
      return { inString: true, closed, start, end: replaceEnd, typed: text.slice(start, offset), closingQuoteEnd: closed ? end : undefined, followedByColon: afterQuote === ':' };
    }
  }
  // Bare position: replace a word typed without quotes (tru, Allo) and insert quoted text.
  let start = offset;
  while (start > 0 && /[\w:.*-]/.test(text[start - 1])) start--;
  return { inString: false, closed: false, start, end: offset, typed: text.slice(start, offset), followedByColon: /^\s*:/.test(text.slice(offset)) };
}

/** Splits the location's path into the statement part and the rest, and finds the statement. */
function scopeOf(doc: PolicyDocument, path: JSONPath): Scope | undefined {
  let prefix: JSONPath | undefined;
  if (doc.kind === 'fragment' || (doc.kind === null && doc.root!.type !== 'object')) {
    prefix = doc.root!.type === 'array' ? (typeof path[0] === 'number' ? path.slice(0, 1) : undefined) : [];
    if (!prefix) return undefined;
  } else if (path[0] === 'Statement') {
    if (typeof path[1] === 'number') prefix = path.slice(0, 2);
    else if (path.length >= 2 && doc.statementProperty?.value?.type === 'object') prefix = ['Statement'];
    else if (path.length === 1) return { doc, statement: undefined, inStatement: false, path };
    else return undefined;
  }
  if (!prefix) return { doc, statement: undefined, inStatement: false, path };
  const key = JSON.stringify(prefix);
  const statement = doc.statements.find((s) => JSON.stringify(getNodePath(s.node)) === key);
  return { doc, statement, inStatement: true, path: path.slice(prefix.length) };
}
