/**
 * Action helpers shared by the section 2 rules: one place decides what a well-formed `service:Action`
 * is, so malformed-action reports what the other rules skip.
 */
import type { PolicyDocument, Statement, ValueItem } from '../parse/model';
import { didYouMean, editDistance, memo } from './_util';

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
  if (text.length > MAX_ACTION_LENGTH) return undefined;
  // Every rule about actions asks, and the same action texts recur in every policy: parse each once.
  let parsed = parsedActions.get(text);
  if (parsed === undefined) {
    parsed = parseActionText(text) ?? null;
    if (parsedActions.size > 50_000) parsedActions.clear();
    parsedActions.set(text, parsed);
  }
  return parsed ?? undefined;
}
const parsedActions = new Map<string, Readonly<ParsedAction> | null>();

function parseActionText(text: string): Readonly<ParsedAction> | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon !== text.lastIndexOf(':')) return undefined;
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!SERVICE_PART.test(service) || !NAME_PART.test(name)) return undefined;
  return Object.freeze({ service, name, serviceWildcard: /[*?]/.test(service), nameWildcard: /[*?]/.test(name) });
}

/** The plain-string entries of a statement's Action or NotAction that other rules can judge. */
function actionItems(items: readonly ValueItem[]): Array<{ item: ValueItem; text: string }> {
  const result: Array<{ item: ValueItem; text: string }> = [];
  for (const item of items) {
    if (item.node.type !== 'string' || item.text === undefined || item.text.includes('${')) continue;
    result.push({ item, text: item.text });
  }
  return result;
}

/** Both lists of a statement, with the element name for messages. */
export function actionLists(statement: Statement): Array<{ element: 'Action' | 'NotAction'; items: ValueItem[] }> {
  return [
    { element: 'Action', items: statement.actions },
    { element: 'NotAction', items: statement.notActions },
  ];
}

/** One well-formed `service:Action` entry of a statement's Action or NotAction. */
export interface ActionEntry {
  statement: Statement;
  element: 'Action' | 'NotAction';
  item: ValueItem;
  text: string;
  action: Readonly<ParsedAction>;
  /** How many entries the element has (1 for a plain string): whether removing this one leaves a list. */
  entries: number;
}

/** Every well-formed action entry of the document, statement by statement (what the action rules walk). */
export function* actionEntries(doc: PolicyDocument): Generator<ActionEntry> {
  for (const statement of doc.statements) yield* entriesOf(statement);
}

/** A statement's well-formed action entries, worked out once: several rules walk them. */
export const entriesOf = memo((statement: Statement): readonly ActionEntry[] => {
  const entries: ActionEntry[] = [];
  for (const { element, items } of actionLists(statement)) {
    for (const { item, text } of plainItems(statement, element)) {
      const action = parseAction(text);
      if (action) entries.push({ statement, element, item, text, action, entries: items.length });
    }
  }
  return entries;
});

/** `actionItems` of the statement's Action or NotAction, worked out once. */
export function plainItems(statement: Statement, element: 'Action' | 'NotAction'): ReadonlyArray<{ item: ValueItem; text: string }> {
  return element === 'Action' ? plainActions(statement) : plainNotActions(statement);
}
const plainActions = memo((s: Statement) => actionItems(s.actions));
const plainNotActions = memo((s: Statement) => actionItems(s.notActions));

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
