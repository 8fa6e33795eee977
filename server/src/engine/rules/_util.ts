import { parseOperator, type ParsedOperator } from '../data/operators';
import { allStatements, type ConditionBlock, type ConditionEntry, type JsonNode, type PolicyDocument, type Statement, type ValueItem } from '../parse/model';
import { actionPatternCovers, globMatches } from '../match';

/**
 * Derived per statement and shared by every rule (kept in the statement's `derived` slots, so it lives as
 * long as the statement): dozens of rules ask the same questions of each statement, and a read-only policy
 * lists thousands of actions. `compute` must not return undefined.
 */
export function memo<T>(compute: (s: Statement) => T): (s: Statement) => T {
  const slot = nextSlot++;
  return (s) => {
    let value = s.derived[slot] as T | undefined;
    if (value === undefined) s.derived[slot] = value = compute(s);
    return value;
  };
}
let nextSlot = 0;

/** The action patterns of a statement's `Action` that are plain strings (intrinsics are unknown, skipped). */
export const actionTexts: (statement: Statement) => readonly string[] = memo((statement) =>
  statement.actions.map((a) => a.text).filter((t): t is string => t !== undefined && !t.includes('${')),
);

export function resourceTexts(statement: Statement): string[] {
  return statement.resources.map((r) => r.text).filter((t): t is string => t !== undefined);
}

/** True when some entry of `Action` covers the concrete action (wildcards and case as IAM reads them). */
export function grantsAction(statement: Statement, action: string): boolean {
  return actionTexts(statement).some((p) => actionPatternCovers(p, action));
}

/** Every `Action` entry covers only actions in `actions` (so a condition about them cannot break others). */
export function onlyGrants(statement: Statement, actions: readonly string[]): boolean {
  const texts = actionTexts(statement);
  if (texts.length === 0 || texts.length !== statement.actions.length) return false;
  const allowed = new Set(actions.map((a) => a.toLowerCase()));
  return texts.every((p) => allowed.has(p.toLowerCase()));
}

export const conditionEntries: (statement: Statement) => ReadonlyArray<{ block: ConditionBlock; entry: ConditionEntry }> = memo((statement) =>
  statement.conditions.flatMap((block) => block.entries.map((entry) => ({ block, entry }))),
);

/**
 * The statement's action patterns that can name `service` (its prefix literally, or a wildcard prefix such
 * as `sage*` that matches it), in order: rules about SageMaker need not look at a list of 5,000 EC2 actions.
 */
export function actionPatternsFor(statement: Statement, service: string): readonly string[] {
  const index = patternIndex(statement);
  let patterns = index.resolved.get(service);
  if (!patterns) {
    const own = index.byService.get(service) ?? [];
    const wild = index.wildService.filter((p) => globMatches(p.slice(0, Math.max(0, p.indexOf(':'))) || p, service, { ignoreCase: true }));
    patterns = wild.length === 0 ? own : actionTexts(statement).filter((p) => own.includes(p) || wild.includes(p));
    index.resolved.set(service, patterns);
  }
  return patterns;
}

interface PatternIndex {
  byService: Map<string, string[]>;
  /** Patterns whose service part has a wildcard (`*`, `*:Get*`, `sage*:*`), or no colon at all. */
  wildService: string[];
  resolved: Map<string, readonly string[]>;
}

const patternIndex = memo((statement): PatternIndex => {
  const byService = new Map<string, string[]>();
  const wildService: string[] = [];
  for (const p of actionTexts(statement)) {
    const colon = p.indexOf(':');
    const service = colon < 0 ? p : p.slice(0, colon);
    if (colon < 0 || /[*?]/.test(service)) wildService.push(p);
    else {
      const key = service.toLowerCase();
      const list = byService.get(key);
      if (list) list.push(p);
      else byService.set(key, [p]);
    }
  }
  return { byService, wildService, resolved: new Map() };
});

/** Condition keys are case-insensitive in IAM. */
export function findConditionKey(statement: Statement, predicate: (lowerKey: string) => boolean): Array<{ block: ConditionBlock; entry: ConditionEntry }> {
  return conditionEntries(statement).filter(({ entry }) => predicate(entry.key.toLowerCase()));
}

/**
 * Is `action` guarded elsewhere by a Deny statement that covers it and carries a condition on a key
 * matching `predicate`? (The seed pages often allow broadly and deny unless a condition holds.)
 */
export function deniedUnlessCondition(doc: PolicyDocument, action: string, predicate: (lowerKey: string) => boolean): boolean {
  return allStatements(doc).some(
    (s) => s.effect === 'Deny' && grantsAction(s, action) && findConditionKey(s, predicate).length > 0,
  );
}

export function isString(node: JsonNode | undefined): node is JsonNode & { value: string } {
  return node?.type === 'string';
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** Up to `max` candidates closest to `word` (case-insensitive), within a distance that scales with length. */
export function didYouMean(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d <= limit) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, max).map(([c]) => c);
}

/**
 * The literal string values a String-family operator gives the condition key (`lowerKey`, lower-cased), in
 * every statement: values that are not plain strings, blank, or contain a policy variable are skipped
 * (their value is not known here).
 */
export function* stringConditionValues(
  doc: PolicyDocument,
  lowerKey: string,
): Generator<{ statement: Statement; op: ParsedOperator; ignoreCase: boolean; value: ValueItem & { text: string } }> {
  for (const statement of doc.statements) {
    for (const { block, entry } of conditionEntries(statement)) {
      if (entry.key.toLowerCase() !== lowerKey) continue;
      const op = parseOperator(block.operator);
      if (!op || op.family !== 'String') continue;
      const ignoreCase = op.base.name.includes('IgnoreCase');
      for (const value of entry.values) {
        if (value.node.type !== 'string' || value.text === undefined || value.text.trim() === '' || value.text.includes('${')) continue;
        yield { statement, op, ignoreCase, value: value as ValueItem & { text: string } };
      }
    }
  }
}
