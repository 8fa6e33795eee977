/**
 * Facts about the texts of Resource and NotResource entries, shared by the rules that judge each entry
 * (unreplaced-placeholder, invalid-arn, arn-field-missing, arn-field-not-allowed, resource-type-mismatch).
 * The corpus of managed policies lists about 7,500 ARNs, the same ones across statements and documents, and a lookup by text
 * (hashing it, comparing it with the key) costs more than reading a fact: so each entry's text is looked up
 * once, in one cache, rather than once by each rule in a cache of its own, and each rule reads its fact from
 * the object found (a slot of `resourceTextMemo`, worked out at most once per text).
 */
import type { Statement, ValueItem } from '../parse/model';
import { TextCache } from '../textCache';
import { memo, slotMemos } from './_util';

/** One Resource/NotResource text and what the rules derived from it. */
export class ResourceText {
  /** The rules' facts, one slot each (see `resourceTextMemo`). Cached, long-lived: a literal is fine here. */
  readonly derived: unknown[] = [];

  /** The cache's own copy of the text (see TextCache): facts sliced from it do not pin a document. */
  constructor(readonly text: string) {}
}

/** A fact about a Resource/NotResource text, worked out on first read (`compute` must not return undefined). */
export const resourceTextMemo = slotMemos<ResourceText>();

const byText = new TextCache<ResourceText>(10_000);
const newResourceText = (text: string): ResourceText => new ResourceText(text);

/** `"*"`, a third of the entries of the managed policies, needs no lookup. */
const STAR = new ResourceText('*');

/** The facts of an entry that is a JSON string; undefined for any other entry (an intrinsic, a number ...). */
function factsOf(item: ValueItem): ResourceText | undefined {
  const text = item.text;
  if (item.node.type !== 'string' || text === undefined) return undefined;
  return text === '*' ? STAR : byText.get(text, newResourceText);
}

/** Per statement: the facts of each entry of `resources`, index by index (undefined where not a string). */
export function resourceFacts(s: Statement): ReadonlyArray<ResourceText | undefined> {
  return s.resources.length === 0 ? NO_FACTS : resourceFactsOf(s);
}
const resourceFactsOf = memo((s) => s.resources.map(factsOf));

/** Per statement: the facts of each entry of `notResources`, index by index (undefined where not a string). */
export function notResourceFacts(s: Statement): ReadonlyArray<ResourceText | undefined> {
  return s.notResources.length === 0 ? NO_FACTS : notResourceFactsOf(s);
}
const notResourceFactsOf = memo((s) => s.notResources.map(factsOf));

/** The facts of an empty list, without a memo: nearly every statement has no NotResource. */
const NO_FACTS: ReadonlyArray<ResourceText | undefined> = []; // not frozen: see IamReference on frozen arrays
