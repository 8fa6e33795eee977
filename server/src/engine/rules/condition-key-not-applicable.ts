import { reference, type ActionInfo } from '../data/reference';
import type { Rule } from '../rule';
import { absentKeyEffect, absentKeyOutcome, classifyKey } from './_condition-keys';

const supportCache = new Map<string, boolean>();

/** Does any action the pattern expands to support the key (own keys + resource types' keys, by the reference)? */
function patternSupportsKey(pattern: string, expanded: readonly ActionInfo[], key: string): boolean {
  const cacheKey = `${pattern.toLowerCase()}\u0000${key.toLowerCase()}`;
  let result = supportCache.get(cacheKey);
  if (result === undefined) {
    const ref = reference();
    // Actions of the key's own service first: for `*` or `ec2:*` that finds a supporter without visiting thousands of actions.
    const service = key.slice(0, key.indexOf(':')).toLowerCase();
    result =
      expanded.some((a) => a.service === service && ref.actionSupportsConditionKey(a, key)) ||
      expanded.some((a) => a.service !== service && ref.actionSupportsConditionKey(a, key));
    if (supportCache.size > 20000) supportCache.clear();
    supportCache.set(cacheKey, result);
  }
  return result;
}

/**
 * Where the service authorization reference is known to miss a key that AWS's own documentation and
 * managed policies use on the action (lower case). aws-marketplace:ProductId scopes Subscribe in the
 * Bedrock/Marketplace model-access policies (AmazonBedrockFullAccess-style, AnthropicFullAccess).
 */
const DATA_GAPS: Record<string, RegExp> = {
  'aws-marketplace:productid': /^aws-marketplace:(subscribe|unsubscribe|viewsubscriptions)$/i,
};

/**
 * Spellings to look the key up under: as written, as documented, and for service tag keys the literal
 * placeholders some tables use (`ssm:resourceTag/tag-key`, `sagemaker:ResourceTag/`).
 */
function spellings(written: string, documented: string): string[] {
  const m = /^([\w-]+:(?:resource|request)tag\/)/i.exec(written);
  return m ? [written, documented, `${m[1]}tag-key`, m[1], `${m[1]}\${TagKey}`] : [written, documented];
}

/** Keys no action of the data lists: the data cannot say which actions set them. */
const orphanCache = new Map<string, boolean>();
function listedForSomeAction(forms: string[]): boolean {
  const cacheKey = forms.join('\u0000').toLowerCase();
  let result = orphanCache.get(cacheKey);
  if (result === undefined) {
    // The owning service's actions first: they nearly always list their own keys, so the scan of every action is rare.
    const service = forms[0].slice(0, forms[0].indexOf(':')).toLowerCase();
    const own = reference().matchActions(`${service}:*`);
    result = forms.some((k) => patternSupportsKey(`${service}:*`, own, k));
    if (!result) {
      const all = reference().matchActions('*');
      result = forms.some((k) => patternSupportsKey('*', all, k));
    }
    orphanCache.set(cacheKey, result);
  }
  return result;
}

export const rule: Rule = {
  id: 'condition-key-not-applicable',
  defaultSeverity: 'warning',
  summary: 'A service condition key that no action of the statement supports: the request never carries it, so the condition never holds (or, with IfExists, never restricts).',
  scope: 'statement',
  check({ doc, report }) {
    const ref = reference();
    for (const s of doc.statements) {
      // NotAction statements: what they cover is everything else, undecidable here.
      if (s.element('NotAction') || s.actions.length === 0 || s.conditions.length === 0) continue;
      const patterns: string[] = [];
      for (const a of s.actions) if (a.text !== undefined) patterns.push(a.text);
      // An intrinsic or a variable in Action: the actions are unknown.
      if (patterns.length !== s.actions.length || patterns.some((p) => p.includes('${') || p.length > 256)) continue;
      const expansions = patterns.map((p) => ref.matchActions(p));
      // An unknown service or action (reported by other rules) might support the key: stay silent.
      if (expansions.some((e) => e.length === 0)) continue;
      for (const block of s.conditions) {
        for (const entry of block.entries) {
          const c = classifyKey(entry.key);
          if (c.status !== 'known' || c.facts.global) continue;
          const forms = spellings(entry.key, c.facts.key);
          if (patterns.some((p, i) => forms.some((k) => patternSupportsKey(p, expansions[i], k)))) continue;
          const gap = DATA_GAPS[entry.key.toLowerCase()];
          if (gap && expansions.flat().some((a) => gap.test(`${a.service}:${a.name}`))) continue;
          if (!listedForSomeAction(forms)) continue;
          const shown = [...new Set(expansions.flat().map((a) => `${a.service}:${a.name}`))];
          const list = shown.slice(0, 3).join(', ') + (shown.length > 3 ? `, ... (${shown.length} actions)` : '');
          const effect = absentKeyEffect(absentKeyOutcome(block.operator, entry.values), s.effect);
          report({
            node: entry.keyNode,
            message: `No action of this statement supports "${entry.key}" (the service authorization reference lists it for none of ${list}), so the request never carries it${effect ? `: ${effect}` : ''}. Move the condition to a statement with the actions that support it, or remove it.`,
          });
        }
      }
    }
  },
};
