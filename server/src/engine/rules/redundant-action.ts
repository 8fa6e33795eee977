import { removeNode } from '../edits';
import { globMatches } from '../match';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { ACTION_ELEMENTS, actionFacts, MALFORMED, REPEATED, textMemo, WILDCARD, type PlainAction } from './_action';
import { ANY, markWildcards } from './_arn';

/**
 * Does one pattern cover another? `covered`'s own `*` and `?` become the tokens ANY and ONE; the
 * pattern's `*` absorbs anything (tokens included), its `?` one character or a ONE token, a literal only
 * itself. So `actionCovers(p, q)` is true only when every action q can match, p matches too.
 * For action texts, which are ASCII (malformed-action reports the others).
 */
export function actionCovers(pattern: string, covered: string): boolean {
  return covers(coverForm(pattern), coverForm(covered));
}

/** An action text as `covers` reads it: worked out once per text, as the same entries are compared pairwise. */
interface CoverForm {
  /** Lower-cased: IAM's case-insensitivity, for ASCII. */
  lower: string;
  /** `lower` with its `*` and `?` as the tokens ANY and ONE: the text as the covered side. */
  marked: string;
  shape: typeof LITERAL | typeof PREFIX | typeof GLOB;
  /** A PREFIX pattern's text before its final `*`. */
  prefix: string;
}
const LITERAL = 0;
/** Its only wildcard is a final `*`. */
const PREFIX = 1;
const GLOB = 2;

function coverForm(text: string): CoverForm {
  const lower = text.toLowerCase();
  const star = lower.indexOf('*');
  const question = lower.indexOf('?');
  if (star < 0 && question < 0) return { lower, marked: lower, shape: LITERAL, prefix: '' };
  const shape = star === lower.length - 1 && question < 0 ? PREFIX : GLOB;
  return { lower, marked: markWildcards(lower), shape, prefix: shape === PREFIX ? lower.slice(0, star) : '' };
}

const coverFormOf = textMemo((facts) => coverForm(facts.text));

function covers(pattern: CoverForm, covered: CoverForm): boolean {
  // The common shapes without the general matcher. A token of `covered` never equals a literal character.
  // `s3:GetObject` over `s3:GetObject` (any case), and over nothing else.
  if (pattern.shape === LITERAL) return covered.marked === pattern.lower;
  // `ec2:Describe*` over `ec2:DescribeVpcs` or `ec2:Describe?pc*`: the rest of the pattern starts the text.
  if (pattern.shape === PREFIX) return covered.marked.startsWith(pattern.prefix);
  return globMatches(pattern.lower, covered.marked, { ignoreCase: true, one: isOneCharacter });
}

const isOneCharacter = (c: string) => c !== ANY;

const isWellFormed = (e: PlainAction) => !(e.flags & MALFORMED);

export const rule: Rule = {
  id: 'redundant-action',
  defaultSeverity: 'hint',
  summary: 'An action already covered by another entry of the same statement (`s3:GetObject` next to `s3:Get*`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const facts = actionFacts(s);
      for (const element of ACTION_ELEMENTS) {
        const list = facts[element];
        // Nothing to cover without a wildcard or a repeated entry.
        if (!(list.flags & (WILDCARD | REPEATED))) continue;
        const entries = list.flags & MALFORMED ? list.items.filter(isWellFormed) : list.items;
        if (entries.length < 2) continue;
        // The index of each entry's first spelling (ignoring case); without repeats, its own.
        const first = list.flags & REPEATED ? firstSpellings(entries) : undefined;
        // Wildcard entries (first of their spelling), by service group.
        const wildcards = new Map<string, number[]>();
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i];
          if (!(e.flags & WILDCARD) || (first && first.get(e.facts.lower) !== i)) continue;
          const group = e.facts.serviceGroup;
          const members = wildcards.get(group);
          if (members) members.push(i);
          else wildcards.set(group, [i]);
        }
        const wildcardPrefixed = wildcards.get('') ?? NONE;
        const inArray = s.element(element)?.value?.type === 'array';
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i];
          const firstSpelling = first ? first.get(e.facts.lower)! : i;
          const by = firstSpelling === i ? coveringEntry(entries, i, wildcards, wildcardPrefixed) : firstSpelling;
          if (by === undefined) continue;
          const other = entries[by].text;
          const fixes: Fix[] = inArray ? [{ title: `Remove "${e.text}"`, edits: removeNode(doc.text, e.item.node), preferred: true }] : [];
          const message =
            other.toLowerCase() === e.text.toLowerCase()
              ? `"${e.text}" is listed twice in this statement's ${element}${other !== e.text ? ` (as "${other}": actions are case-insensitive)` : ''}. Remove this one.`
              : `"${e.text}" is already covered by "${other}" in this statement's ${element}: it adds nothing. Remove it (or narrow "${other}").`;
          report({ node: e.item.node, message, fixes });
        }
      }
    }
  },
};

const NONE: readonly number[] = [];

/**
 * The first wildcard entry (of the entry's service group, then of the wildcard-prefixed ones) that covers entry
 * `i` and that `i` does not equally cover from before it; undefined when none. A statement lists hundreds of
 * entries of services without a wildcard entry: those are settled by their group, without their cover form.
 */
function coveringEntry(entries: readonly PlainAction[], i: number, wildcards: ReadonlyMap<string, readonly number[]>, wildcardPrefixed: readonly number[]): number | undefined {
  const facts = entries[i].facts;
  const group = facts.serviceGroup;
  const sameGroup = group === '' ? undefined : wildcards.get(group);
  if (sameGroup === undefined && wildcardPrefixed.length === 0) return undefined;
  const form = coverFormOf(facts);
  const inGroup = sameGroup === undefined ? undefined : coveringAmong(entries, sameGroup, i, form);
  return inGroup ?? coveringAmong(entries, wildcardPrefixed, i, form);
}

function coveringAmong(entries: readonly PlainAction[], candidates: readonly number[], i: number, form: CoverForm): number | undefined {
  for (const j of candidates) {
    if (j === i) continue;
    const other = coverFormOf(entries[j].facts);
    if (covers(other, form) && !(j > i && covers(form, other))) return j;
  }
  return undefined;
}

function firstSpellings(entries: readonly PlainAction[]): Map<string, number> {
  const first = new Map<string, number>();
  entries.forEach((e, i) => first.has(e.facts.lower) || first.set(e.facts.lower, i));
  return first;
}
