import { outrightDenyText } from './_grants';
import { getNodeValue } from 'jsonc-parser';
import { reference } from '../data/reference';
import { globMatches } from '../match';
import { allStatements, type Statement } from '../parse/model';
import type { Rule } from '../rule';
import { principalOf } from './_principals';
import { ActionPatternList, memo } from './_util';
import { fullName } from './_grants';

/** Plain string items, or undefined when any is unknown (an intrinsic, a variable). */
function texts(items: ReadonlyArray<{ text: string | undefined }>): string[] | undefined {
  const out: string[] = [];
  for (const i of items) {
    // Over-long values (not an action or ARN) would only make huge RegExps: undecidable.
    if (i.text === undefined || i.text.includes('${') || i.text.length > 2048) return undefined;
    out.push(i.text);
  }
  return out;
}

/** ARN patterns compare case-sensitively. */
function resourcePatternCovers(pattern: string, resource: string): boolean {
  return globMatches(pattern, resource);
}

/** Every action the allow pattern can stand for is covered by the deny's Action (or not excluded by its NotAction). */
function actionsCovered(allowPattern: string, deny: DenyFacts): boolean {
  if (deny.actions) {
    const denyActions = (deny.actionList ??= new ActionPatternList(deny.actions));
    // Textual cover: a deny `s3:*` covers an allow `s3:Get*` (the deny's * matches the allow's *).
    if (denyActions.coversAny(allowPattern)) return true;
    const expanded = reference().matchActions(allowPattern);
    return expanded.length > 0 && expanded.every((a) => denyActions.coversAny(fullName(a)));
  }
  if (deny.notActions) {
    const excluded = (deny.notActionList ??= new ActionPatternList(deny.notActions));
    if (!/[*?]/.test(allowPattern)) return !excluded.coversAny(allowPattern);
    const expanded = reference().matchActions(allowPattern);
    return expanded.length > 0 && expanded.every((a) => !excluded.coversAny(fullName(a)));
  }
  return false;
}

/** What the comparison needs of a Deny, computed once per document (a policy can have thousands of statements). */
interface DenyFacts {
  statement: Statement;
  actions: string[] | undefined;
  notActions: string[] | undefined;
  /** Undefined: the Deny's resources are unknown or given as NotResource, so it cannot be shown to cover. */
  resources: string[] | undefined;
  principal: string | undefined;
  /** `actions` / `notActions` indexed, when first compared (a NotAction can list a thousand actions). */
  actionList?: ActionPatternList;
  notActionList?: ActionPatternList;
}

/** The principal element as comparable text: undefined when absent, '*' for everyone, null when not comparable. */
function principalKey(s: Statement): string | undefined | null {
  const p = principalOf(s);
  if (!p) return undefined;
  if (p.not) return null;
  if (p.starNode || p.entries.some((e) => e.type === 'AWS' && e.items.some((i) => i.text === '*'))) return '*';
  return p.property.value ? JSON.stringify(getNodeValue(p.property.value)) : null;
}

function denyFacts(deny: Statement): DenyFacts | undefined {
  const actions = deny.element('Action') ? texts(deny.actions) : undefined;
  const notActions = deny.element('NotAction') ? texts(deny.notActions) : undefined;
  if (!actions && !notActions) return undefined;
  const resources = deny.element('NotResource') || !deny.element('Resource') ? undefined : texts(deny.resources);
  if (!resources || resources.length === 0) return undefined;
  const principal = principalKey(deny);
  if (principal === null) return undefined;
  return { statement: deny, actions, notActions, resources, principal };
}

/** Per statement, once: every edit elsewhere asks again of every Deny. */
const factsOf = memo((deny: Statement): DenyFacts | null => denyFacts(deny) ?? null);

/** The Deny applies to (at least) the principals the Allow names. */
function principalsCovered(allowPrincipal: string | undefined | null, deny: DenyFacts): boolean {
  if (deny.principal === undefined) return allowPrincipal === undefined;
  if (allowPrincipal === undefined || allowPrincipal === null) return false;
  return deny.principal === '*' || deny.principal === allowPrincipal;
}

function resourcesCovered(allowResources: string[] | undefined, deny: DenyFacts): boolean {
  const denyResources = deny.resources!;
  if (denyResources.includes('*')) return true;
  return allowResources !== undefined && allowResources.length > 0 && allowResources.every((r) => denyResources.some((d) => resourcePatternCovers(d, r)));
}

/** Lower-cased service prefix of an action pattern, or '' when the prefix has a wildcard (or there is none). */
function serviceOf(pattern: string): string {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? '' : pattern.slice(0, colon).toLowerCase();
  return /[*?]/.test(service) ? '' : service;
}

/**
 * Denies that could cover an Allow whose first action has service `service`: those naming that service
 * in Action, plus those with a wildcard service or a NotAction (every Deny for an Allow with a wildcard service). Avoids comparing every Allow with every Deny.
 */
function denyIndex(denies: DenyFacts[]): (service: string) => DenyFacts[] {
  const byService = new Map<string, DenyFacts[]>();
  const everywhere: DenyFacts[] = [];
  for (const d of denies) {
    if (!d.actions) {
      everywhere.push(d);
      continue;
    }
    const services = new Set(d.actions.map(serviceOf));
    if (services.has('')) everywhere.push(d);
    else for (const svc of services) byService.set(svc, [...(byService.get(svc) ?? []), d]);
  }
  const merged = new Map<string, DenyFacts[]>();
  return (service) => {
    let list = merged.get(service);
    if (!list) {
      // An Allow with a wildcard service (`s3*:Get*`) may be covered by Denies of several services: try all.
      const own = service === '' ? denies : [...(byService.get(service) ?? []), ...everywhere];
      // Keep document order, so the first covering Deny is reported.
      list = [...new Set(own)].sort((a, b) => a.statement.index - b.statement.index);
      merged.set(service, list);
    }
    return list;
  };
}

function name(s: Statement): string {
  return s.sid ? `"${s.sid}"` : `#${s.index + 1}`;
}

/** The facts of the Deny statements without a condition that can cover an Allow; undefined when none (most documents). */
function outrightDenies(statements: readonly Statement[]): DenyFacts[] | undefined {
  let denies: DenyFacts[] | undefined;
  for (const s of statements) {
    if (s.effect !== 'Deny' || s.element('Condition')) continue;
    const facts = factsOf(s);
    if (facts) (denies ??= []).push(facts);
  }
  return denies;
}

export const rule: Rule = {
  id: 'unconditional-deny-overrides',
  defaultSeverity: 'info',
  summary: 'A `Deny` without a condition covers every action (and resource) an `Allow` in the same document grants: the Allow can never work.',
  scope: outrightDenyText,
  check({ doc, report }) {
    const denies = outrightDenies(allStatements(doc));
    if (!denies) return;
    const candidates = denyIndex(denies);
    for (const allow of doc.statements) {
      if (allow.effect !== 'Allow' || allow.element('NotAction')) continue;
      const allowActions = texts(allow.actions);
      const effect = allow.element('Effect')?.value;
      if (!allowActions || allowActions.length === 0 || !effect) continue;
      const allowPrincipal = principalKey(allow);
      const allowResources = allow.element('NotResource') || !allow.element('Resource') ? undefined : texts(allow.resources);
      const deny = candidates(serviceOf(allowActions[0])).find(
        (d) =>
          principalsCovered(allowPrincipal, d) &&
          resourcesCovered(allowResources, d) &&
          allowActions.every((p) => actionsCovered(p, d)),
      )?.statement;
      if (!deny) continue;
      const conditional = allow.element('Condition') !== undefined;
      report({
        node: effect,
        message: `This Allow can never take effect: Deny statement ${name(deny)} has no condition and covers all of its actions and resources, and an explicit Deny always wins${conditional ? ' (the condition on this Allow does not carve out an exception)' : ''}. Put the exception on the Deny as a condition (for example StringNotEquals on the key this Allow tests), narrow the Deny, or remove the Allow.`,
      });
    }
  },
};
