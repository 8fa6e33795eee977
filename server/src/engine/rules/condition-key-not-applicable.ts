import { ownCopy } from '../textCache';
import { conditionKeyPattern, reference, type ActionInfo } from '../data/reference';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { absentKeyEffect, absentKeyOutcome, type KeyStatus } from './_condition-keys';
import { matchedActions, MAX_ACTION_LENGTH, plainItems } from './_action';
import { conditionFacts } from './_conditions-facts';
import { memo } from './_util';

/**
 * What is known about one service key: the spellings to look it up under, and for each action expansion
 * (matchActions' shared array) already asked about, whether some action of it supports the key. Worked out
 * from the reference data alone, so kept across documents.
 */
interface KeySupport {
  forms: string[];
  byExpansion: Map<readonly ActionInfo[], boolean>;
  /** listedForSomeAction, once asked. */
  listed?: boolean;
}

/** By classifyKey's status object, which stands for one key whatever its case: a lookup by identity, no lower-casing. */
const keySupport = new Map<KeyStatus, KeySupport>();
const CACHE_LIMIT = 5000;

function supportOf(status: KeyStatus, writtenKey: string, documentedKey: string): KeySupport {
  let support = keySupport.get(status);
  if (!support) {
    if (keySupport.size >= CACHE_LIMIT) keySupport.clear();
    // The lookups are case-insensitive (lower-cased sets, `i` patterns), so lower-cased forms answer the same.
    // Copies: lower-casing a lower-case key cut from a document returns that very string.
    support = { forms: spellings(writtenKey, documentedKey).map((k) => ownCopy(k.toLowerCase())), byExpansion: new Map() };
    keySupport.set(status, support);
  }
  return support;
}

/** Does any action of the expansion support one of the key's spellings (own keys + resource types' keys, by the reference)? */
function expansionSupports(support: KeySupport, expanded: readonly ActionInfo[]): boolean {
  let result = support.byExpansion.get(expanded);
  if (result === undefined) {
    const ref = reference();
    // Actions of the key's own service first: for `*` or `ec2:*` that finds a supporter without visiting thousands of actions.
    const service = support.forms[0].slice(0, support.forms[0].indexOf(':'));
    result = support.forms.some(
      (k) => expanded.some((a) => a.service === service && ref.actionSupportsConditionKey(a, k)) || expanded.some((a) => a.service !== service && ref.actionSupportsConditionKey(a, k)),
    );
    if (support.byExpansion.size >= CACHE_LIMIT) support.byExpansion.clear();
    support.byExpansion.set(expanded, result);
  }
  return result;
}

function statementSupports(support: KeySupport, expansions: ReadonlyArray<readonly ActionInfo[]>): boolean {
  for (const expanded of expansions) if (expansionSupports(support, expanded)) return true;
  return false;
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
function listedForSomeAction(support: KeySupport): boolean {
  if (support.listed === undefined) {
    // The owning service's actions first: they nearly always list their own keys, so the look at every action is rare.
    const service = support.forms[0].slice(0, support.forms[0].indexOf(':'));
    support.listed = expansionSupports(support, reference().matchActions(`${service}:*`)) || support.forms.some(listedAnywhere);
  }
  return support.listed;
}

/**
 * Every key some action supports (what actionSupportsConditionKey matches: the action's own keys and its
 * resource types' keys, from its entry and from the service's resource-type table), lower-cased, and those
 * with placeholders as patterns. Built once, on the first key its own service does not list: one pass over
 * the data, where asking each of the ~17,000 actions would build a key matcher for every one of them.
 */
let listed: { exact: Set<string>; patterns: RegExp[] } | undefined;

function listedAnywhere(lowerKey: string): boolean {
  if (!listed) {
    const ref = reference();
    const exact = new Set<string>();
    // A resource type's table entry is shared by every action on it (hundreds for ec2:instance): add its keys once.
    const added = new Set<readonly string[]>();
    const add = (keys: readonly string[]): void => {
      if (keys.length === 0 || added.has(keys)) return;
      added.add(keys);
      for (const k of keys) exact.add(k.toLowerCase());
    };
    for (const service of ref.services()) {
      for (const action of ref.actions(service)) {
        add(action.conditionKeys);
        for (const rt of action.resourceTypes) {
          add(rt.conditionKeys);
          add(ref.resourceType(service, rt.name)?.conditionKeys ?? []);
        }
      }
    }
    const patterns: RegExp[] = [];
    for (const k of exact) {
      const pattern = conditionKeyPattern(k);
      if (pattern) patterns.push(pattern);
    }
    listed = { exact, patterns };
  }
  return listed.exact.has(lowerKey) || listed.patterns.some((p) => p.test(lowerKey));
}

/**
 * What each action pattern of the statement expands to, or null when the actions are not known here: an
 * intrinsic or a variable in Action, or an unknown service or action (reported by other rules), which
 * might support the key.
 */
const statementExpansions = memo((s: Statement): Array<readonly ActionInfo[]> | null => {
  // plainItems leaves out intrinsics, variables and values of other types: then not every entry is there.
  const items = plainItems(s, 'Action');
  if (items.length !== s.actions.length) return null;
  const expansions: Array<readonly ActionInfo[]> = [];
  for (const { text, facts } of items) {
    if (text.length > MAX_ACTION_LENGTH) return null;
    const expanded = matchedActions(facts);
    if (expanded.length === 0) return null;
    expansions.push(expanded);
  }
  return expansions;
});

export const rule: Rule = {
  id: 'condition-key-not-applicable',
  defaultSeverity: 'warning',
  summary: 'A service condition key that no action of the statement supports: the request never carries it, so the condition never holds (or, with IfExists, never restricts).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      // Only known service keys are judged (global keys apply to every action); NotAction statements cover
      // everything else, undecidable here.
      if (s.conditions.length === 0 || s.actions.length === 0 || !conditionFacts(s).serviceKey || s.element('NotAction')) continue;
      const expansions = statementExpansions(s);
      if (!expansions) continue;
      for (const { block, entries } of conditionFacts(s).blocks) {
        for (const { entry, key: c } of entries) {
          if (c.status !== 'known' || c.facts.global) continue;
          const support = supportOf(c, entry.key, c.facts.key);
          if (statementSupports(support, expansions)) continue;
          const gap = DATA_GAPS[entry.key.toLowerCase()];
          if (gap && expansions.flat().some((a) => gap.test(`${a.service}:${a.name}`))) continue;
          if (!listedForSomeAction(support)) continue;
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
