import { removeNode } from '../edits';
import { globMatches } from '../match';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { ACTION_ELEMENTS, actionFacts, MALFORMED, REPEATED, WILDCARD } from './_action';
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

const serviceOf = (text: string) => (text.includes(':') ? text.slice(0, text.indexOf(':')).toLowerCase() : text.toLowerCase());

export const rule: Rule = {
  id: 'redundant-action',
  defaultSeverity: 'hint',
  summary: 'An action already covered by another entry of the same statement (`s3:GetObject` next to `s3:Get*`).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const facts = actionFacts(s);
      for (const element of ACTION_ELEMENTS) {
        // Nothing to cover without a wildcard or a repeated entry.
        if (!(facts[element].flags & (WILDCARD | REPEATED))) continue;
        const entries = facts[element].items.filter((e) => !(e.flags & MALFORMED));
        if (entries.length < 2) continue;
        const inArray = s.element(element)?.value?.type === 'array';
        const first = new Map<string, number>();
        entries.forEach((e, i) => first.has(e.facts.lower) || first.set(e.facts.lower, i));
        // Wildcard entries (first of their spelling), by service prefix; '' holds those with a wildcard prefix.
        const wildcards = new Map<string, number[]>();
        entries.forEach((e, i) => {
          if (!(e.flags & WILDCARD) || first.get(e.facts.lower) !== i) return;
          const svc = serviceOf(e.facts.lower);
          const key = /[*?]/.test(svc) ? '' : svc;
          wildcards.set(key, [...(wildcards.get(key) ?? []), i]);
        });
        const wildcardPrefixed = wildcards.get('') ?? [];
        entries.forEach((e, i) => {
          let by: number | undefined;
          const firstIndex = first.get(e.facts.lower)!;
          if (firstIndex !== i) by = firstIndex;
          else {
            const covering = (j: number) => j !== i && actionCovers(entries[j].text, e.text) && !(j > i && actionCovers(e.text, entries[j].text));
            by = (wildcards.get(serviceOf(e.facts.lower)) ?? []).find(covering) ?? wildcardPrefixed.find(covering);
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
