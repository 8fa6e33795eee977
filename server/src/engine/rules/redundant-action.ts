import { removeNode } from '../edits';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { actionItems, actionLists, parseAction } from './_action';

const ANY = '\u0001';
const ONE = '\u0002';
const coverCache = new Map<string, RegExp>();

/**
 * A pattern as a RegExp over another pattern's text in which `*` and `?` have become the tokens
 * ANY and ONE: `*` absorbs anything (tokens included), `?` one character or a ONE token, a literal
 * only itself. So `covers(p, q)` is true only when every action q can match, p matches too.
 */
function coverRegExp(pattern: string): RegExp {
  let re = coverCache.get(pattern);
  if (!re) {
    const body = [...pattern]
      .map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? `[^${ANY}]` : c.replace(/[.+^${}()|[\]\\-]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 'i');
    if (coverCache.size > 5000) coverCache.clear();
    coverCache.set(pattern, re);
  }
  return re;
}

const tokens = (text: string) => text.replace(/\*/g, ANY).replace(/\?/g, ONE);

export function actionCovers(pattern: string, covered: string): boolean {
  if (pattern === '*') return true;
  return coverRegExp(pattern).test(tokens(covered));
}

const serviceOf = (text: string) => (text.includes(':') ? text.slice(0, text.indexOf(':')).toLowerCase() : text.toLowerCase());

export const rule: Rule = {
  id: 'redundant-action',
  defaultSeverity: 'hint',
  summary: 'An action already covered by another entry of the same statement (`s3:GetObject` next to `s3:Get*`).',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const { element, items } of actionLists(s)) {
        const entries = actionItems(items).filter((e) => e.text === '*' || parseAction(e.text) !== undefined);
        if (entries.length < 2) continue;
        const inArray = s.element(element)?.value?.type === 'array';
        const first = new Map<string, number>();
        entries.forEach((e, i) => first.has(e.text.toLowerCase()) || first.set(e.text.toLowerCase(), i));
        // Wildcard entries (first of their spelling), by service prefix; '' holds those with a wildcard prefix.
        const wildcards = new Map<string, number[]>();
        entries.forEach((e, i) => {
          if (!/[*?]/.test(e.text) || first.get(e.text.toLowerCase()) !== i) return;
          const svc = serviceOf(e.text);
          const key = /[*?]/.test(svc) ? '' : svc;
          wildcards.set(key, [...(wildcards.get(key) ?? []), i]);
        });
        const wildcardPrefixed = wildcards.get('') ?? [];
        entries.forEach((e, i) => {
          let by: number | undefined;
          const firstIndex = first.get(e.text.toLowerCase())!;
          if (firstIndex !== i) by = firstIndex;
          else {
            const covering = (j: number) => j !== i && actionCovers(entries[j].text, e.text) && !(j > i && actionCovers(e.text, entries[j].text));
            by = (wildcards.get(serviceOf(e.text)) ?? []).find(covering) ?? wildcardPrefixed.find(covering);
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
