/**
 * Action helpers shared by the section 2 rules: one place decides what a well-formed `service:Action`
 * is, so malformed-action reports what the other rules skip.
 */
import type { Statement, ValueItem } from '../parse/model';
import { reference, type ActionInfo } from '../data/reference';
import { TextCache } from '../textCache';
import { didYouMean, editDistance, memo, slotMemos } from './_util';

export interface ParsedAction {
  /** The service prefix as written. */
  service: string;
  /** The action name (or pattern) as written. */
  name: string;
  serviceWildcard: boolean;
  nameWildcard: boolean;
}

/** Far longer than any service prefix + action name (the longest are under 100 characters). */
export const MAX_ACTION_LENGTH = 256;

const SERVICE_PART = /^[A-Za-z0-9*?-]+$/;
const NAME_PART = /^[A-Za-z0-9*?-]+$/;

/**
 * `service:Action` with IAM's characters (wildcards allowed in both parts), or undefined. `*` alone
 * is every action and is not parsed here (callers test it first). Texts with `${` are neither valid
 * nor malformed here: invalid-policy-variable reports them.
 */
export function parseAction(text: string): Readonly<ParsedAction> | undefined {
  return text.length > MAX_ACTION_LENGTH ? undefined : textFacts(text).parsed;
}

function parseActionText(text: string): Readonly<ParsedAction> | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon !== text.lastIndexOf(':')) return undefined;
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!SERVICE_PART.test(service) || !NAME_PART.test(name)) return undefined;
  return Object.freeze({ service, name, serviceWildcard: /[*?]/.test(service), nameWildcard: /[*?]/.test(name) });
}

// ---- facts: what each action text is, worked out once, and per statement the union of its entries' facts ----
//
// A dozen rules judge every action entry, and a read-only policy lists thousands. Each entry's text is looked
// up once per statement (`actionFacts`); the rules then test one number per statement and only walk the
// entries of the statements where they can find something.

/** Not `*` and not `service:Action` (malformed-action). */
export const MALFORMED = 1 << 0;
/** A `*` or `?` anywhere, `*` alone included. */
export const WILDCARD = 1 << 1;
/** A literal service prefix that the reference does not have (unknown-service). */
export const UNKNOWN_SERVICE = 1 << 2;
/** A known service, a name without wildcards, and no such action (unknown-action). */
export const UNKNOWN_ACTION = 1 << 3;
/** A wildcard entry that matches no action, of a known or wildcard service (wildcard-matches-nothing). */
export const MATCHES_NOTHING = 1 << 4;
/** `service:*` of a known service (service-wildcard). */
export const WHOLE_SERVICE = 1 << 5;
/** The same text (ignoring case) as an earlier `*` or `service:Action` entry of the same list (redundant-action). */
export const REPEATED = 1 << 6;

export interface TextFacts {
  readonly text: string;
  readonly parsed: Readonly<ParsedAction> | undefined;
  /** Lower-cased text. */
  readonly lower: string;
  /**
   * The lower-cased service prefix (the whole text without a colon), or '' when it has a wildcard (it may name
   * any service): the key rules group entries by. A field rather than a `textMemo`, as rules read it for every
   * entry of a list.
   */
  readonly serviceGroup: string;
  /** The flags above that depend on the text alone (all but REPEATED). */
  readonly flags: number;
  /** Has a `${`: not a plain action entry (invalid-policy-variable judges it), left out of the lists' facts. */
  readonly hasVariable: boolean;
  /** Shared by every text equal to this one ignoring case: finds repeats without a set per list. */
  readonly sameIgnoringCase: TextMark;
  /** What rules derive from the text, one slot each (see `textMemo`). */
  readonly derived: unknown[];
}

/**
 * Like `memo` for statements, for what a rule derives from an action text alone (the actions it matches,
 * their resource types): worked out once per distinct text, kept with its facts.
 */
export const textMemo = slotMemos<TextFacts>();

/** The actions of the reference an action text matches (its wildcards expanded): once per distinct text. */
export const matchedActions = textMemo((facts): readonly ActionInfo[] => reference().matchActions(facts.text));

/** The same action texts recur in every policy: each is judged once. */
function textFacts(text: string): TextFacts {
  // A pasted megabyte is judged but not kept.
  if (text.length > MAX_ACTION_LENGTH) return computeTextFacts(text);
  return factsByText.get(text, computeTextFacts);
}
const factsByText = new TextCache<TextFacts>(50_000);

function computeTextFacts(text: string): TextFacts {
  const parsed = text.length > MAX_ACTION_LENGTH ? undefined : parseActionText(text);
  let flags = /[*?]/.test(text) ? WILDCARD : 0;
  if (text !== '*' && !parsed) flags |= MALFORMED;
  if (parsed) {
    const ref = reference();
    const known = parsed.serviceWildcard || ref.hasService(parsed.service);
    if (!known) flags |= UNKNOWN_SERVICE;
    else if (!parsed.serviceWildcard && !parsed.nameWildcard && !ref.action(parsed.service, parsed.name)) flags |= UNKNOWN_ACTION;
    if (known && (parsed.serviceWildcard || parsed.nameWildcard) && ref.matchActions(text).length === 0) flags |= MATCHES_NOTHING;
    if (known && !parsed.serviceWildcard && parsed.name === '*') flags |= WHOLE_SERVICE;
  }
  const lower = text.toLowerCase();
  // A malformed text is never a repeat (redundant-action leaves it to malformed-action): its mark is its own.
  const sameIgnoringCase = flags & MALFORMED ? newMark() : sameTextMarks.get(lower, newMark);
  return { text, parsed, lower, serviceGroup: serviceGroupOf(lower), flags, hasVariable: text.includes('${'), sameIgnoringCase, derived: [] };
}

function serviceGroupOf(lower: string): string {
  const colon = lower.indexOf(':');
  const service = colon < 0 ? lower : lower.slice(0, colon);
  return /[*?]/.test(service) ? '' : service;
}

/** One mark per lower-cased action text, shared by its spellings: see `listFacts`. */
interface TextMark {
  list: number;
}
const sameTextMarks = new TextCache<TextMark>(50_000);
const newMark = (): TextMark => ({ list: 0 });
/** Numbers the lists `listFacts` reads, for the marks. */
let listsRead = 0;

/** One plain-string entry of Action or NotAction (no intrinsic, no `${`), with its facts. */
export interface PlainAction {
  item: ValueItem;
  text: string;
  /** Undefined for `*` and malformed texts. */
  action: Readonly<ParsedAction> | undefined;
  flags: number;
  facts: TextFacts;
}

/** A statement's plain entries of one list, and the union of their flags. */
export interface ActionListFacts {
  items: readonly PlainAction[];
  flags: number;
}

/** The statement's Action and NotAction facts, worked out once. */
export const actionFacts = memo((statement: Statement): StatementActionFacts => new StatementActionFacts(statement));

// These facts are made with `new` and arrays by `filter` and `map`, not as literals, for the reason given at
// TreeNode (parse/fastTree.ts): they hold the document's items, and as literals V8 came to allocate them in the
// old generation, where each kept its whole document alive until a full collection; that made a corpus lint
// promote about 30 MB of trees a pass.

class StatementActionFacts {
  readonly Action: ActionListFacts;
  readonly NotAction: ActionListFacts;

  constructor(statement: Statement) {
    this.Action = listFacts(statement.actions);
    this.NotAction = listFacts(statement.notActions);
  }
}

class ListFacts implements ActionListFacts {
  constructor(
    readonly items: readonly PlainAction[],
    readonly flags: number,
  ) {}
}

class Plain implements PlainAction {
  constructor(
    readonly item: ValueItem,
    readonly text: string,
    readonly action: Readonly<ParsedAction> | undefined,
    readonly flags: number,
    readonly facts: TextFacts,
  ) {}
}

function listFacts(values: readonly ValueItem[]): ActionListFacts {
  // A text is a repeat when its case-insensitive mark already carries this list's number.
  currentList = ++listsRead;
  skippedEntry = false;
  const entries = values.map(plainEntry);
  // Entries that are not plain action texts are rare: only then is the list filtered.
  const items = skippedEntry ? entries.filter(isPlain) : (entries as PlainAction[]);
  let flags = 0;
  for (const item of items) flags |= item.flags;
  return new ListFacts(items, flags);
}

/**
 * The list `plainEntry` is reading, and whether it left an entry out (module state: no closure per list; safe,
 * as working out a text's facts never reads the facts of a list).
 */
let currentList = 0;
let skippedEntry = false;

/**
 * The entry with its facts, or undefined when it is not a plain action text: a string (not an intrinsic)
 * without `${` (invalid-policy-variable judges those). Whether a text has `${` is a fact of the text, looked
 * up with the rest: a search of every entry's characters cost more than the lookup.
 */
function plainEntry(item: ValueItem): PlainAction | undefined {
  const text = item.text;
  if (item.node.type !== 'string' || text === undefined) return skip();
  const facts = textFacts(text);
  if (facts.hasVariable) return skip();
  let own = facts.flags;
  if (!(own & MALFORMED)) {
    const mark = facts.sameIgnoringCase;
    if (mark.list === currentList) own |= REPEATED;
    else mark.list = currentList;
  }
  return new Plain(item, text, facts.parsed, own, facts);
}

function skip(): undefined {
  skippedEntry = true;
  return undefined;
}

const isPlain = (entry: PlainAction | undefined): entry is PlainAction => entry !== undefined;

/** The element names of the two action lists, for rules that walk both. */
export const ACTION_ELEMENTS = ['Action', 'NotAction'] as const;

/** One well-formed `service:Action` entry of a statement's Action or NotAction. */
export interface ActionEntry {
  statement: Statement;
  element: 'Action' | 'NotAction';
  item: ValueItem;
  text: string;
  action: Readonly<ParsedAction>;
  /** How many entries the element has (1 for a plain string): whether removing this one leaves a list. */
  entries: number;
  flags: number;
  facts: TextFacts;
}

/** The statement's well-formed entries that carry one of the `flags`: the entries a rule judges, none when it has nothing to say. */
export function entriesWith(statement: Statement, flags: number): readonly ActionEntry[] {
  const facts = actionFacts(statement);
  if (((facts.Action.flags | facts.NotAction.flags) & flags) === 0) return NO_ENTRIES;
  return entriesOf(statement).filter((e) => (e.flags & flags) !== 0);
}
const NO_ENTRIES: readonly ActionEntry[] = []; // not frozen: see IamReference on frozen arrays

/** A statement's well-formed action entries, worked out once: several rules walk them. */
export const entriesOf = memo((statement: Statement): readonly ActionEntry[] => {
  const facts = actionFacts(statement);
  const wellFormed = (element: 'Action' | 'NotAction', count: number) =>
    facts[element].items.filter((plain) => plain.action !== undefined).map((plain) => new Entry(statement, element, plain, count));
  return wellFormed('Action', statement.actions.length).concat(wellFormed('NotAction', statement.notActions.length));
});

/** With `new`, for the reason given above StatementActionFacts. */
class Entry implements ActionEntry {
  readonly item: ValueItem;
  readonly text: string;
  readonly action: Readonly<ParsedAction>;
  readonly flags: number;
  readonly facts: TextFacts;

  constructor(
    readonly statement: Statement,
    readonly element: 'Action' | 'NotAction',
    plain: PlainAction,
    readonly entries: number,
  ) {
    this.item = plain.item;
    this.text = plain.text;
    this.action = plain.action!;
    this.flags = plain.flags;
    this.facts = plain.facts;
  }
}

/** The plain-string entries of the statement's Action or NotAction (no intrinsic, no `${`), worked out once. */
export function plainItems(statement: Statement, element: 'Action' | 'NotAction'): readonly PlainAction[] {
  return actionFacts(statement)[element].items;
}

/** Kinds whose `Allow` statements only permit (filter) what other policies grant. */
export const NON_GRANTING_KINDS = new Set(['scp', 'boundary', 'endpoint']);

/**
 * Up to `max` action names of the service close to `word`: first the actions the word is the
 * beginning of (`kms:ReEncrypt` -> ReEncryptFrom, ReEncryptTo), then the did-you-mean candidates,
 * each group ranked by edit distance.
 */
export function suggestActionNames(names: readonly string[], word: string, max = 3): string[] {
  const lower = word.toLowerCase();
  const pool = new Set(didYouMean(word, names, max));
  const extensions = new Set<string>();
  if (lower.length >= 4) for (const n of names) if (n.toLowerCase().startsWith(lower)) extensions.add(n);
  return [...pool, ...extensions]
    .filter((n, i, all) => all.indexOf(n) === i)
    .map((n) => [n, (extensions.has(n) ? -1000 : 0) + editDistance(lower, n.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([n]) => n);
}
