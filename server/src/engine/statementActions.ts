/**
 * The concrete actions a statement's Action element names, with wildcards expanded through the
 * reference's cached matchActions, and the condition keys those actions support. Cached by the
 * statement's action patterns, so hovering or completing in the same statement again costs nothing.
 */
import { reference, type ActionInfo } from './data/reference';
import type { Statement } from './parse/model';

export interface StatementActions {
  /** The written patterns (Action, or NotAction when `notAction`). */
  patterns: string[];
  /** Concrete actions named by Action (wildcards expanded); empty for NotAction and for `everything`. */
  actions: ActionInfo[];
  /** `*`, `*:*`, or any pattern with a wildcard service part: every action, not expanded. */
  everything: boolean;
  /** The statement uses NotAction: it covers every action except the listed ones. */
  notAction: boolean;
}

const CACHE_LIMIT = 500;
const expansions = new Map<string, StatementActions>();
const supportCache = new Map<string, ActionInfo[]>();
const keyUnions = new Map<string, Map<string, { key: string; count: number }>>();

function signature(sa: StatementActions): string {
  return `${sa.notAction ? '!' : ''}${sa.patterns.join('\n')}`;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

export function statementActions(statement: Statement): StatementActions {
  const notAction = statement.actions.length === 0 && statement.notActions.length > 0;
  const patterns = (notAction ? statement.notActions : statement.actions).map((a) => a.text).filter((t): t is string => typeof t === 'string' && t.length > 0);
  const sig = `${notAction ? '!' : ''}${patterns.join('\n')}`;
  const cached = expansions.get(sig);
  if (cached) return cached;
  const everything = !notAction && patterns.some((p) => p === '*' || /[*?]/.test(p.split(':')[0]));
  let actions: ActionInfo[] = [];
  if (!notAction && !everything) {
    const seen = new Set<ActionInfo>();
    for (const p of patterns) for (const a of reference().matchActions(p)) seen.add(a);
    actions = [...seen];
  }
  return remember(expansions, sig, { patterns, actions, everything, notAction });
}

/**
 * The statement's actions whose reference entry lists `key` (placeholders matched by pattern). For
 * `*` and NotAction statements, the actions of the key's own service are the candidates.
 */
export function actionsSupportingKey(sa: StatementActions, key: string): ActionInfo[] {
  const id = `${signature(sa)}\u0000${key.toLowerCase()}`;
  const cached = supportCache.get(id);
  if (cached) return cached;
  const ref = reference();
  let candidates = sa.actions;
  if (sa.everything || sa.notAction) {
    const service = ref.conditionKey(key)?.service ?? key.split(':')[0];
    candidates = ref.actions(service) as ActionInfo[];
    if (sa.notAction) {
      const excluded = new Set(sa.patterns.flatMap((p) => ref.matchActions(p)));
      candidates = candidates.filter((a) => !excluded.has(a));
    }
  }
  return remember(supportCache, id, candidates.filter((a) => ref.actionSupportsConditionKey(a, key)));
}

/** Every condition key the statement's (expanded) actions list, with how many of them list it, most common first. */
export function keysOfActions(sa: StatementActions): Array<{ key: string; count: number }> {
  const sig = signature(sa);
  let union = keyUnions.get(sig);
  if (!union) {
    union = new Map();
    const ref = reference();
    for (const action of sa.actions) {
      for (const key of ref.conditionKeysForAction(action)) {
        const lower = key.toLowerCase();
        const entry = union.get(lower);
        if (entry) entry.count++;
        else union.set(lower, { key, count: 1 });
      }
    }
    remember(keyUnions, sig, union);
  }
  return [...union.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
