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
 */
export function actionCovers(pattern: string, covered: string): boolean {
  // The common pairs without the general matcher. Action texts are ASCII, so lower-casing is IAM's
  // case-insensitivity, and a token of `covered` never equals a literal character of the pattern.
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  const text = covered.includes('*') || covered.includes('?') ? markWildcards(covered) : covered;
  // `s3:GetObject` over `s3:GetObject` (any case), and over nothing else.
  if (star < 0 && question < 0) return text.length === pattern.length && text.toLowerCase() === pattern.toLowerCase();
  // `ec2:Describe*` over `ec2:DescribeVpcs` or `ec2:Describe?pc*`: the rest of the pattern starts the text.
  if (star === pattern.length - 1 && question < 0) return text.length >= star && text.slice(0, star).toLowerCase() === pattern.slice(0, star).toLowerCase();
  return globMatches(pattern, text, { ignoreCase: true, one: isOneCharacter });
}

const isOneCharacter = (c: string) => c !== ANY;

/**
 * The key an entry's service is grouped under: its lower-cased prefix, or '' when the prefix has a
 * wildcard (those entries may cover any service). Once per distinct text.
 */
const serviceGroup = textMemo((facts): string => {
  const colon = facts.lower.indexOf(':');
  const service = colon < 0 ? facts.lower : facts.lower.slice(0, colon);
  return /[*?]/.test(service) ? '' : service;
});

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
        const firstOf = (i: number) => (first ? first.get(entries[i].facts.lower)! : i);
        // Wildcard entries (first of their spelling), by service group.
        const wildcards = new Map<string, number[]>();
        entries.forEach((e, i) => {
          if (!(e.flags & WILDCARD) || firstOf(i) !== i) return;
          const group = serviceGroup(e.facts);
          const members = wildcards.get(group);
          if (members) members.push(i);
          else wildcards.set(group, [i]);
        });
        const wildcardPrefixed = wildcards.get('') ?? NONE;
        const inArray = s.element(element)?.value?.type === 'array';
        entries.forEach((e, i) => {
          let by: number | undefined = firstOf(i);
          if (by === i) {
            const covering = (j: number) => j !== i && actionCovers(entries[j].text, e.text) && !(j > i && actionCovers(e.text, entries[j].text));
            const group = serviceGroup(e.facts);
            by = (group === '' ? undefined : wildcards.get(group)?.find(covering)) ?? wildcardPrefixed.find(covering);
          }
          if (by === undefined) return;
          const other = entries[by].text;
          const fixes: Fix[] = inArray ? [{ title: `Remove "${e.text}"`, edits: removeNode(doc.text, e.item.node), preferred: true }] : [];
          const message =
            other.toLowerCase() === e.text.toLowerCase()
              ? `"${e.text}" is listed twice in this statement's ${element}${other !== e.text ? ` (as "${other}": actions are case-insensitive)` : ''}. Remove this one.`
              : `"${e.text}" is already covered by "${other}" in this statement's ${element}: it adds nothing. Remove it (or narrow "${other}").`;
          report({ node: e.item.node, message, fixes });
        });
      }
    }
  },
};

const NONE: readonly number[] = [];

function firstSpellings(entries: readonly PlainAction[]): Map<string, number> {
  const first = new Map<string, number>();
  entries.forEach((e, i) => first.has(e.facts.lower) || first.set(e.facts.lower, i));
  return first;
}
