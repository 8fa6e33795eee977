import { parseOperator, type ParsedOperator } from '../data/operators';
import { allStatements, STATEMENT_SLOT_COUNT, type ConditionBlock, type ConditionEntry, type JsonNode, type PolicyDocument, type Statement, type ValueItem } from '../parse/model';
import { actionPatternCovers, globMatches, QUESTION, STAR } from '../match';

/**
 * Memos kept in the `derived` slots of one kind of object (each kind numbers its own slots): what a memo
 * computes lives as long as the object, and a field is much cheaper to read than a WeakMap. `compute` must
 * not return undefined.
 */
export function slotMemos<O extends { readonly derived: { [slot: number]: unknown } }>(capacity = Infinity): <T>(compute: (o: O) => T) => (o: O) => T {
  let nextSlot = 0;
  return <T>(compute: (o: O) => T) => {
    const slot = nextSlot++;
    // A developer's error, thrown as the rules load (so by every test): see newStatementSlots.
    if (slot >= capacity) throw new Error(`more than ${capacity} memos of one kind: raise the number of slots made for them`);
    return (o: O) => {
      let value = o.derived[slot] as T | undefined;
      if (value === undefined) o.derived[slot] = value = compute(o);
      return value;
    };
  };
}

/**
 * Derived per statement and shared by every rule: dozens of rules ask the same questions of each statement,
 * and a read-only policy lists thousands of actions.
 */
export const memo = slotMemos<Statement>(STATEMENT_SLOT_COUNT);

/** The action patterns of a statement's `Action` that are plain strings (intrinsics are unknown, skipped). */
export const actionTexts: (statement: Statement) => readonly string[] = memo((statement) =>
  statement.actions.map((a) => a.text).filter((t): t is string => t !== undefined && !t.includes('${')),
);

/**
 * Which services a statement's `Action` entries can name: most rules are about a few services (SageMaker, IAM,
 * KMS ...) that most statements never mention, so they first ask `mayNameServices`, one AND on a fact worked out
 * once per statement, and only look further where a finding is possible. The fact is a superset of what
 * `actionTexts` can match: entries with `${` are counted by their prefix like any other, though they match no
 * action (names have no `$`); intrinsics are unknown and skipped, as everywhere. (`NotAction` is not looked at:
 * callers that read it decide for themselves.)
 */
export interface ActionServices {
  /** The bits (see `servicesMask`) of the services the entries name; every bit when `anyService`. */
  mask: number;
  /**
   * Some entry can name other services too: its service part has a wildcard (`*`, `sage*:Get*`), it has no
   * colon, or it has a character that lower-casing may not fold the way IAM compares it (non-ASCII).
   */
  anyService: boolean;
  /** The lower-cased service every entry names, when there is exactly one (and not `anyService`). */
  only: string | undefined;
  /** Entries name more than one service (literally). */
  several: boolean;
  /**
   * When `several` (and not `anyService`): where each run of entries of one service starts in `actions`, and
   * its service. A run ends where the next begins; its entries without text or with `${` are skipped when read.
   * Recorded while the entries are walked for the mask, so `actionPatternsFor` need not walk them again.
   */
  runs: ServiceRuns | undefined;
  /** The `servicesMask` registry the mask was worked out with (a service registered later has no bit in it). */
  generation: number;
}

/**
 * Services rules ask about, each with a bit of `ActionServices.mask` (rules register theirs when their module
 * loads). A service without a bit of its own shares the last one, so the answer is then "maybe", never a wrong "no".
 */
const serviceBits = new Map<string, number>();
const SHARED_BIT = 1 << 30;
let generation = 0;

/** The mask of the (lower-case) services, for `mayNameServices`. */
export function servicesMask(...services: string[]): number {
  let mask = 0;
  for (const service of services) {
    let bit = serviceBits.get(service);
    if (bit === undefined) {
      bit = serviceBits.size < 30 ? 1 << serviceBits.size : SHARED_BIT;
      serviceBits.set(service, bit);
      (servicesByLength[service.length] ??= []).push({ service, first: service.charCodeAt(0), bit });
      generation++;
    }
    mask |= bit;
  }
  return mask;
}

/**
 * The registered services by the length of their name. A service read from a policy is a new string, whose
 * hash a Map lookup has to work out first (a call into the runtime): comparing it with the few registered names
 * of its length (first letter, then the rest) is cheaper, and bitOf is asked once per run of entries of every
 * statement.
 */
const servicesByLength: Array<Array<{ service: string; first: number; bit: number }> | undefined> = [];

function bitOf(service: string): number {
  const sameLength = servicesByLength[service.length];
  if (sameLength === undefined) return SHARED_BIT;
  const first = service.charCodeAt(0);
  for (let i = 0; i < sameLength.length; i++) {
    const registered = sameLength[i];
    if (registered.first === first && registered.service === service) return registered.bit;
  }
  return SHARED_BIT;
}

/** Can an `Action` entry of the statement name one of the services of the mask? */
export function mayNameServices(statement: Statement, mask: number): boolean {
  return (actionServices(statement).mask & mask) !== 0;
}

/**
 * Can the statement allow an action of the services of the mask: an Allow whose Action can name one of them.
 * (NotAction is not looked at: callers that read it decide for themselves.)
 */
export function mayGrantFrom(s: Statement, mask: number): boolean {
  return s.effect === 'Allow' && mayNameServices(s, mask);
}

/** The statement's fact, worked out again if a service was registered since (never, once the rules are loaded). */
export function actionServices(statement: Statement): ActionServices {
  const fact = cachedServices(statement);
  if (fact.generation !== generation) Object.assign(fact, computeActionServices(statement));
  return fact;
}
const cachedServices = memo(computeActionServices);

const COLON = 58;

function computeActionServices(statement: Statement): ActionServices {
  let mask = 0;
  let anyService = false;
  let only: string | undefined;
  let runs: ServiceRuns | undefined;
  // Policies list actions service by service: an entry with the same prefix as the one before needs no work.
  let previous = '';
  let current: string | undefined;
  const items = statement.actions;
  for (let i = 0; i < items.length; i++) {
    const text = items[i].text;
    if (text === undefined) continue;
    if (previous !== '' && text.charCodeAt(previous.length) === COLON && text.startsWith(previous)) continue;
    const colon = text.indexOf(':');
    const service = colon < 0 ? undefined : serviceKey(text, colon);
    if (service === undefined) {
      anyService = true;
      continue;
    }
    previous = service; // lower-cased: a prefix written with capitals is simply worked out again
    if (service === current) continue;
    if (only === undefined) only = service;
    else if (runs === undefined) runs = { starts: [0, i], services: [only, service] };
    else {
      runs.starts.push(i);
      runs.services.push(service);
    }
    current = service;
    mask |= bitOf(service);
  }
  if (anyService) return { mask: -1, anyService, only: undefined, several: runs !== undefined, runs: undefined, generation };
  if (runs) return { mask, anyService, only: undefined, several: true, runs, generation };
  return { mask, anyService, only, several: false, runs: undefined, generation };
}

/** Runs of entries of one service, in the order of the `Action` list (see `ActionServices.runs`). */
interface ServiceRuns {
  starts: number[];
  services: string[];
}

/** The lower-cased service part of an action pattern, or undefined when it has a wildcard or a non-ASCII character. */
function serviceKey(text: string, colon: number): string | undefined {
  let upper = false;
  for (let i = 0; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 63 || c >= 128) return undefined; // `*`, `?`, non-ASCII
    if (c >= 65 && c <= 90) upper = true;
  }
  const service = text.slice(0, colon);
  return upper ? service.toLowerCase() : service;
}

export function resourceTexts(statement: Statement): string[] {
  return statement.resources.map((r) => r.text).filter((t): t is string => t !== undefined);
}

/** True when some entry of `Action` covers the concrete action (wildcards and case as IAM reads them). */
export function grantsAction(statement: Statement, action: string): boolean {
  return candidatePatterns(statement, action).some((p) => actionPatternCovers(p, action));
}

/** The statement's action patterns that can cover the action: when every entry names its service literally, those of its service. */
function candidatePatterns(statement: Statement, action: string): readonly string[] {
  if (actionServices(statement).anyService) return actionTexts(statement);
  return actionPatternsFor(statement, action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase());
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
  const services = actionServices(statement);
  if (!services.anyService) {
    // Every entry names this one service (the usual statement): nothing to look up.
    if (!services.several) return services.only === service ? actionTexts(statement) : NO_TEXTS;
    if ((services.mask & bitOf(service)) === 0) return NO_TEXTS;
  }
  const resolved = resolvedPatterns(statement);
  let patterns = resolved.get(service);
  if (!patterns) {
    patterns = services.runs ? patternsInRuns(statement, services.runs, service) : patternsMatchingService(statement, service);
    resolved.set(service, patterns);
  }
  return patterns;
}

const NO_TEXTS: readonly string[] = []; // not frozen: see IamReference on frozen arrays

/**
 * Can the pattern cover the action, judged by the character at `at` alone? Asked where both name the same
 * service literally (no wildcard before `at`: the patterns of actionPatternsFor when the statement is not
 * `anyService`), so the glob match has to match that character as it is: a read-only statement lists hundreds
 * of actions of a service, and few share the first letter of the action. Wildcards and non-ASCII characters,
 * which lower-casing may fold unlike IAM, are left to the glob match.
 */
export function mayCoverAt(pattern: string, action: string, at: number): boolean {
  const c = pattern.charCodeAt(at);
  if (c === STAR || c === QUESTION || !(c < 128)) return true;
  const d = action.charCodeAt(at);
  if (c === d) return true;
  const lower = c | 32;
  return lower === (d | 32) && lower >= 97 && lower <= 122;
}

/** Per statement, per service asked: the answers of actionPatternsFor (rules ask the same few services). */
const resolvedPatterns = memo((): Map<string, readonly string[]> => new Map());

/** The entries of the service's runs (every entry names its service literally): only those runs are read. */
function patternsInRuns(statement: Statement, runs: ServiceRuns, service: string): readonly string[] {
  const items = statement.actions;
  let patterns: string[] | undefined;
  for (let r = 0; r < runs.services.length; r++) {
    if (runs.services[r] !== service) continue;
    const end = r + 1 < runs.starts.length ? runs.starts[r + 1] : items.length;
    for (let i = runs.starts[r]; i < end; i++) {
      const p = items[i].text;
      if (p !== undefined && !p.includes('${')) (patterns ??= []).push(p);
    }
  }
  return patterns ?? NO_TEXTS;
}

/**
 * When some entry can name other services (a wildcard or non-ASCII in its service part, or no colon): the
 * entries of the service and those whose service part matches it, indexed once for every service asked.
 */
function patternsMatchingService(statement: Statement, service: string): readonly string[] {
  const index = patternIndex(statement);
  const own = index.byService.get(service) ?? [];
  const wild = index.wildService.filter((p) => globMatches(p.slice(0, Math.max(0, p.indexOf(':'))) || p, service, { ignoreCase: true }));
  return wild.length === 0 ? own : actionTexts(statement).filter((p) => own.includes(p) || wild.includes(p));
}

interface PatternIndex {
  byService: Map<string, string[]>;
  /** Patterns whose service part has a wildcard (`*`, `*:Get*`, `sage*:*`), or no colon at all. */
  wildService: string[];
}

const patternIndex = memo((statement): PatternIndex => {
  const byService = new Map<string, string[]>();
  const wildService: string[] = [];
  // The list of the entry before and its prefix as written: policies list actions service by service, and
  // an entry with the same prefix joins that list at once.
  let run: string[] | undefined;
  let runPrefix = '';
  // The entries of actionTexts, read from the statement directly (a list of thousands need not be copied first).
  const items = statement.actions;
  for (let i = 0; i < items.length; i++) {
    const p = items[i].text;
    if (p === undefined || p.includes('${')) continue;
    if (run !== undefined && p.charCodeAt(runPrefix.length) === COLON && p.startsWith(runPrefix)) {
      run.push(p);
      continue;
    }
    const colon = p.indexOf(':');
    const service = colon < 0 ? p : p.slice(0, colon);
    if (colon < 0 || /[*?]/.test(service)) {
      wildService.push(p);
      run = undefined;
      continue;
    }
    const key = service.toLowerCase();
    let list = byService.get(key);
    if (list) list.push(p);
    else byService.set(key, (list = [p]));
    run = list;
    runPrefix = service;
  }
  return { byService, wildService };
});

/**
 * A list of action patterns indexed to answer "does one of them cover this text?" (actionPatternCovers, for a
 * text that is an action or a pattern read as text) without trying each: a NotAction can list a thousand.
 * A pattern with a plain service part can only cover a text with that service part (its `service:` is literal),
 * so only those are tried; patterns without wildcards are looked up. Non-ASCII texts and patterns, which
 * lower-casing may fold unlike IAM's comparison, are tried one by one.
 */
export class ActionPatternList {
  /** Lower-cased ASCII patterns without wildcards. */
  private readonly literals = new Set<string>();
  /** ASCII patterns with a wildcard after a plain service part, by lower-cased service. */
  private readonly byService = new Map<string, string[]>();
  /** The rest: a wildcard or no colon in the service part, or non-ASCII. */
  private readonly others: string[] = [];

  constructor(private readonly patterns: readonly string[]) {
    for (const p of patterns) {
      const colon = p.indexOf(':');
      if (!isAscii(p)) this.others.push(p);
      else if (!p.includes('*') && !p.includes('?')) this.literals.add(p.toLowerCase());
      else if (colon > 0 && !/[*?]/.test(p.slice(0, colon))) {
        const service = p.slice(0, colon).toLowerCase();
        const list = this.byService.get(service);
        if (list) list.push(p);
        else this.byService.set(service, [p]);
      } else this.others.push(p);
    }
  }

  coversAny(text: string): boolean {
    if (!isAscii(text)) return this.patterns.some((p) => actionPatternCovers(p, text));
    if (this.literals.has(text.toLowerCase())) return true;
    const colon = text.indexOf(':');
    const sameService = colon > 0 ? this.byService.get(text.slice(0, colon).toLowerCase()) : undefined;
    if (sameService && sameService.some((p) => actionPatternCovers(p, text))) return true;
    return this.others.some((p) => actionPatternCovers(p, text));
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * Does the statement have a condition on a key matching `predicate` (condition keys are case-insensitive in IAM)?
 * Walks the blocks directly: asked of every statement that grants iam:PassRole, most with no Condition at all,
 * and building the list of conditionEntries (a flatMap, pairs) cost far more than the answer.
 */
export function hasConditionKey(statement: Statement, predicate: (lowerKey: string) => boolean): boolean {
  for (const block of statement.conditions) for (const entry of block.entries) if (predicate(entry.key.toLowerCase())) return true;
  return false;
}

/**
 * Is `action` guarded elsewhere by a Deny statement that covers it and carries a condition on a key
 * matching `predicate`? (The seed pages often allow broadly and deny unless a condition holds.)
 */
export function deniedUnlessCondition(doc: PolicyDocument, action: string, predicate: (lowerKey: string) => boolean): boolean {
  return allStatements(doc).some(
    (s) => s.effect === 'Deny' && grantsAction(s, action) && hasConditionKey(s, predicate),
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
