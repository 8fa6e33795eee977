/**
 * What the condition rules ask of every statement's Condition, worked out once per statement and shared
 * (a `memo` slot): the parsed operator of each block, the classification of each key, and whether the
 * block's values hold a wildcard or an unknown value. A dozen rules walk the same blocks on every lint;
 * with these facts each of them decides a block with a few field reads, and does real work only where
 * a finding is possible.
 */
import { TextCache } from '../textCache';
import { parseOperator, type ParsedOperator } from '../data/operators';
import { hasWildcard } from '../match';
import type { ConditionBlock, ConditionEntry, Statement, ValueItem } from '../parse/model';
import { classifyKey, type KeyStatus } from './_condition-keys';
import { parseMatchOperator, type MatchOperator } from './_operator-rename';
import { memo } from './_util';

export interface EntryFacts {
  entry: ConditionEntry;
  /** classifyKey(entry.key): `undecidable` for a key with a policy variable or without a prefix. */
  key: KeyStatus;
}

export interface BlockFacts {
  block: ConditionBlock;
  /** Undefined for an operator IAM rejects. */
  op: ParsedOperator | undefined;
  /** String/Arn Equals or Like operators (what like-without-wildcard and wildcard-without-like rename). */
  match: MatchOperator | undefined;
  entries: EntryFacts[];
  /** Some value of some entry is a plain string with a `*` or `?` wildcard. */
  wildcardValue: boolean;
  /** Some value is not a plain string (an intrinsic, or a value of the wrong JSON type). */
  unknownValue: boolean;
  valueCount: number;
}

export interface ConditionFacts {
  blocks: BlockFacts[];
  /** Some block's operator is one IAM rejects. */
  invalidOperator: boolean;
  /** Some entry's key is a known service key (not global): the only keys condition-key-not-applicable judges. */
  serviceKey: boolean;
}

const NO_CONDITIONS: ConditionFacts = Object.freeze({ blocks: [], invalidOperator: false, serviceKey: false });

export const conditionFacts: (statement: Statement) => ConditionFacts = memo((statement) =>
  statement.conditions.length === 0 ? NO_CONDITIONS : new StatementConditions(statement.conditions.map(blockFacts)),
);

// Made with `new` and `map`, not as literals: these facts point into the document. See TreeNode (parse/fastTree.ts).

class StatementConditions implements ConditionFacts {
  readonly invalidOperator: boolean;
  readonly serviceKey: boolean;

  constructor(readonly blocks: BlockFacts[]) {
    this.invalidOperator = blocks.some((b) => !b.op);
    this.serviceKey = blocks.some((b) => b.entries.some((e) => e.key.status === 'known' && !e.key.facts.global));
  }
}

class Block implements BlockFacts {
  readonly op: ParsedOperator | undefined;
  readonly match: MatchOperator | undefined;
  readonly entries: EntryFacts[];
  wildcardValue = false;
  unknownValue = false;
  valueCount = 0;

  constructor(readonly block: ConditionBlock) {
    const { op, match } = operatorNames(block.operator);
    this.op = op;
    this.match = match;
    this.entries = block.entries.map((entry) => new Entry(entry));
    for (const entry of block.entries) {
      for (const v of entry.values) {
        this.valueCount++;
        if (v.text === undefined) this.unknownValue = true;
        else if (!this.wildcardValue && hasWildcard(v.text)) this.wildcardValue = true;
      }
    }
  }
}

class Entry implements EntryFacts {
  readonly key: KeyStatus;

  constructor(readonly entry: ConditionEntry) {
    this.key = classifyKey(entry.key);
  }
}

const blockFacts = (block: ConditionBlock): BlockFacts => new Block(block);

/** What an operator name parses to, for the rules that read operators. */
interface OperatorNames {
  op: ParsedOperator | undefined;
  /** String/Arn Equals or Like operators only. */
  match: MatchOperator | undefined;
}

/**
 * Operator names come from a small vocabulary (a few dozen in practice), so each is parsed once and the result
 * kept. The names last seen are kept in a short list searched with `===` before the Map: for the short strings
 * freshly cut from a policy text that is cheaper than the Map's hashing. Bounded for documents full of
 * made-up names. The parsed operators are shared: read them, never change them.
 */
const recentNames: string[] = [];
const recentParsed: OperatorNames[] = [];
const RECENT_LIMIT = 32;
let nextRecent = 0;
const parsedOperators = new TextCache<OperatorNames & { name: string }>(1000);

function operatorNames(name: string): OperatorNames {
  for (let i = 0; i < recentNames.length; i++) if (recentNames[i] === name) return recentParsed[i];
  const parsed = parsedOperators.get(name, parseOperatorNames);
  // Round robin: the list follows the names in use (in an editor, half-typed names come and go). It holds
  // the cache's copy of the name, not the one cut from the document, which would keep the document alive.
  recentNames[nextRecent] = parsed.name;
  recentParsed[nextRecent] = parsed;
  nextRecent = (nextRecent + 1) % RECENT_LIMIT;
  return parsed;
}

function parseOperatorNames(name: string): OperatorNames & { name: string } {
  const op = parseOperator(name);
  return { name, op, match: op && (op.family === 'String' || op.family === 'Arn') ? parseMatchOperator(name) : undefined };
}

/**
 * Is the written key `lowerKey` (lower case, plain ASCII), as IAM compares keys, ignoring case? The length
 * first: it tells nearly every other key apart without a lower-cased copy.
 */
export function keyIs(written: string, lowerKey: string): boolean {
  return written.length === lowerKey.length && written.toLowerCase() === lowerKey;
}

/**
 * Calls `visit` for every literal string value (see isLiteralString) that a String-family operator gives the
 * key `lowerKey` in the statements. A callback rather than a generator: rules call it for every statement of
 * every policy, and nearly all of them have no such key.
 */
export function forEachStringValue(
  statements: readonly Statement[],
  lowerKey: string,
  visit: (statement: Statement, op: ParsedOperator, ignoreCase: boolean, value: ValueItem & { text: string }) => void,
): void {
  for (const statement of statements) {
    if (statement.conditions.length === 0) continue;
    for (const { op, entries } of conditionFacts(statement).blocks) {
      if (!op || op.family !== 'String') continue;
      for (const { entry } of entries) {
        if (!keyIs(entry.key, lowerKey)) continue;
        const ignoreCase = op.base.name.includes('IgnoreCase');
        for (const v of entry.values) if (isLiteralString(v)) visit(statement, op, ignoreCase, v);
      }
    }
  }
}

/** A value whose text is known here: a plain string, not blank, without a policy variable. */
export function isLiteralString(value: ValueItem): value is ValueItem & { text: string } {
  return value.node.type === 'string' && value.text !== undefined && value.text.trim() !== '' && !value.text.includes('${');
}
