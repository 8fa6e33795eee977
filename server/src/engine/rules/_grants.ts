/**
 * "Does this statement effectively grant action X?" and "is X guarded by a condition on key K?",
 * shared by the SageMaker rules that report an action allowed without a guard.
 *
 * A statement effectively grants an action when
 *  - its Effect is Allow and an entry of its `Action` covers the action (NotAction is left to
 *    `allow-not-action`);
 *  - its `Resource` can name a resource of the action (a required resource type of the action when the
 *    reference data marks one required, else any of its types; `*` always), or its `NotResource`
 *    does not exclude all of them;
 *  - no condition can never hold for that action: a condition on a key the request of that action
 *    never carries (the reference data does not list the key for the action, nor is it a global key)
 *    is false unless the operator is `...IfExists`, `ForAllValues:`, negated (`StringNotEquals`, ...:
 *    true when the key is absent) or `Null` with "true".
 * So `sagemaker:Create*` with `ForAnyValue:StringEquals aws:TagKeys` does not grant
 * `sagemaker:CreatePresignedDomainUrl`: that request has no tags.
 */
import { TextCache } from '../textCache';
import { lookupGlobalConditionKey } from '../data/globalConditionKeys';
import { parseOperator } from '../data/operators';
import { reference, type ActionInfo } from '../data/reference';
import { actionPatternCovers, containsPolicyVariable, hasWildcard, globMatches } from '../match';
import { allStatements, type ConditionBlock, type ConditionEntry, type PolicyDocument, type Statement, type ValueItem } from '../parse/model';
import type { RuleContext } from '../rule';
import type { PolicyKind } from '../types';
import { ActionPatternList, actionPatternsFor, actionServices, actionTexts, conditionEntries, grantsAction, mayCoverAt, mayGrantFrom, mayNameServices, memo, servicesMask } from './_util';
import { globsIntersect as markedGlobsIntersect, markWildcards } from './_arn';

/** `sagemaker:CreateTrainingJob` for an ActionInfo. */
export function fullName(action: ActionInfo): string {
  let name = fullNames.get(action);
  if (name === undefined) fullNames.set(action, (name = `${action.service}:${action.name}`));
  return name;
}
const fullNames = new WeakMap<ActionInfo, string>();

/**
 * Kinds whose Allow statements grant permissions. SCPs, permission boundaries and VPC endpoint
 * policies only cap what other policies grant, so "allowed without a guard" means nothing there.
 */
export function isGrantingKind(kind: PolicyKind): boolean {
  return kind === 'identity' || kind === 'fragment' || kind === 'resource';
}

/** Actions of a service for which the reference data lists one of `keys` (case-insensitive). */
export function actionsSupportingKey(service: string, ...keys: string[]): ActionInfo[] {
  const cacheKey = `${service}\u0000${keys.join('\u0000').toLowerCase()}`;
  let result = supportingCache.get(cacheKey);
  if (!result) {
    const ref = reference();
    result = ref.actions(service).filter((a) => keys.some((k) => ref.actionSupportsConditionKey(a, k)));
    supportingCache.set(cacheKey, result);
  }
  return result;
}

const supportingCache = new Map<string, ActionInfo[]>();

/** A value computed on first use (candidate action lists derived from the reference data). */
export function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

const TAG_KEY = /^aws:(requesttag\/.+|resourcetag\/.+|tagkeys)$/;

/**
 * Can the request of `action` carry the condition key? Tag keys and service keys: as the reference
 * data says for the action (its own keys and its resource types' keys). Other global keys: yes. A key
 * the data does not know: no (IAM then finds it absent).
 */
export function actionCanSupplyKey(action: ActionInfo, key: string): boolean {
  let byKey = suppliedKeys.get(action);
  if (!byKey) suppliedKeys.set(action, (byKey = new Map()));
  let supplies = byKey.get(key);
  if (supplies === undefined) byKey.set(key, (supplies = computeCanSupplyKey(action, key)));
  return supplies;
}
/** Per action, per key as written: the section-7 rules ask the same pairs for every statement. */
const suppliedKeys = new WeakMap<ActionInfo, Map<string, boolean>>();

function computeCanSupplyKey(action: ActionInfo, key: string): boolean {
  const lower = key.toLowerCase();
  if (TAG_KEY.test(lower)) return reference().actionSupportsConditionKey(action, key);
  if (lookupGlobalConditionKey(key)) return true;
  return reference().actionSupportsConditionKey(action, key);
}

function isTrueText(v: ValueItem): boolean {
  return v.text !== undefined && v.text.toLowerCase() === 'true';
}

/** True when the condition is false for every request of `action` (see the module comment). */
export function conditionNeverHolds(block: ConditionBlock, entry: ConditionEntry, action: ActionInfo): boolean {
  const op = parseOperator(block.operator);
  // An operator IAM rejects makes the whole policy invalid: report nothing about the statement.
  if (!op) return true;
  if (actionCanSupplyKey(action, entry.key)) return false;
  if (op.family === 'Null') return !entry.values.some(isTrueText);
  return !(op.ifExists || op.setOperator === 'ForAllValues' || op.base.negated);
}

// ---- resources ----

/** The bit of SageMaker in the per-statement service fact (see servicesMask). */
export const SAGEMAKER = servicesMask('sagemaker');

const SAMPLE: Record<string, string> = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

/** Resource-type ARN templates the statement must reach for the action: its required types, or all when none is required. */
function actionTemplates(action: ActionInfo): string[] {
  let templates = templatesOf.get(action);
  if (!templates) templatesOf.set(action, (templates = computeActionTemplates(action)));
  return templates;
}
const templatesOf = new WeakMap<ActionInfo, string[]>();

function computeActionTemplates(action: ActionInfo): string[] {
  const ref = reference();
  const required = action.resourceTypes.filter((t) => t.required);
  const types = required.length > 0 ? required : action.resourceTypes;
  return types.map((t) => ref.resourceType(action.service, t.name)?.arn).filter((a): a is string => a !== undefined);
}

/** ARN patterns (`arn:*:sagemaker:*:*:training-job/*`) of the resource types the action needs. */
export function actionTemplateGlobs(action: ActionInfo): string[] {
  let globs = templateGlobsOf.get(action);
  if (!globs) templateGlobsOf.set(action, (globs = actionTemplates(action).map(templateGlob)));
  return globs;
}
const templateGlobsOf = new WeakMap<ActionInfo, string[]>();

/** Policy variables stand for any text when we only ask whether a pattern can reach a resource type. */
function asGlob(resource: string): string {
  return resource.replace(/\$\{[*?$]\}/g, '?').replace(/\$\{[^}]*\}/g, '*');
}

function templateGlob(template: string): string {
  return template.replace(/\$\{[^}]*\}/g, '*');
}

function templateSample(template: string): string {
  return template.replace(/\$\{([^}]*)\}/g, (_, name: string) => SAMPLE[name.toLowerCase()] ?? 'x1');
}

/**
 * Do two glob patterns (`*` any run, `?` one character) match a common string? Case-sensitive, as ARNs are.
 * The search is the one the ARN rules use (iterative, bounded), on the patterns with their wildcards marked.
 */
export function globsIntersect(a: string, b: string): boolean {
  return markedGlobsIntersect(markWildcards(a), markWildcards(b));
}

/** Can a `Resource` entry name a resource the action needs? Unknown values (intrinsics) count as yes. */
export function resourceApplies(resource: string | undefined, action: ActionInfo): boolean {
  if (resource === undefined || resource === '*') return true;
  let byResource = appliesCache.get(action);
  if (!byResource) appliesCache.set(action, (byResource = new TextCache(1000)));
  return byResource.get(resource, computeResourceApplies, action);
}
/** Per action, per Resource text: resources repeat across the statements and rules of a document. */
const appliesCache = new WeakMap<ActionInfo, TextCache<boolean>>();

function computeResourceApplies(resource: string, action: ActionInfo): boolean {
  const templates = actionTemplates(action);
  // An action without resource types takes only "*".
  if (templates.length === 0) return false;
  const glob = asGlob(resource);
  return actionTemplateGlobs(action).some((t) => arnGlobsIntersect(t, glob));
}

/** ARN patterns: the five fields before the resource are matched one by one (a `*` in the region stays in the region). */
function arnGlobsIntersect(a: string, b: string): boolean {
  const pa = arnFields(a);
  const pb = arnFields(b);
  if (!pa || !pb) return globsIntersect(a, b);
  return pa.every((field, i) => globsIntersect(field, pb[i]));
}

function arnFields(text: string): string[] | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** Does the statement's Resource / NotResource reach the action? */
export function statementReachesAction(s: Statement, action: ActionInfo): boolean {
  if (s.element('Resource')) return s.resources.some((r) => resourceApplies(r.text, action));
  if (s.element('NotResource')) {
    const excluded = s.notResources.map((r) => r.text).filter((t): t is string => t !== undefined);
    if (excluded.includes('*')) return false;
    const templates = actionTemplates(action);
    if (templates.length === 0) return true;
    return templates.some((t) => {
      const sample = templateSample(t);
      return !excluded.some((pattern) => globMatches(asGlob(pattern), sample, { ignoreCase: true }));
    });
  }
  return true;
}

// ---- grants ----

/**
 * Allow + an Action entry covers the action + the resources reach it + no condition that never holds for it.
 * With `namedServiceOnly`, only entries that name a service count (`"*"` and `"*:Get*"` do not).
 */
export function effectivelyGrants(s: Statement, action: ActionInfo, namedServiceOnly = false): boolean {
  if (s.effect !== 'Allow') return false;
  return (verdictOf(s, verdictsOf(s), action) & (namedServiceOnly ? GRANTED_BY_NAMED_SERVICE : GRANTED)) !== 0;
}

const verdictsOf = memo((): Map<ActionInfo, number> => new Map());

function verdictOf(s: Statement, verdicts: Map<ActionInfo, number>, action: ActionInfo): number {
  let verdict = verdicts.get(action);
  if (verdict === undefined) verdicts.set(action, (verdict = grantVerdict(s, action)));
  return verdict;
}

const GRANTED = 1;
const GRANTED_BY_NAMED_SERVICE = 2;
// Per statement, per action, a verdict of these flags (verdictsOf): a dozen rules ask the same pairs.

function grantVerdict(s: Statement, action: ActionInfo): number {
  const name = fullName(action);
  // Unless some entry can name any service, every pattern names this one literally: screen by the first letter.
  const at = actionServices(s).anyService ? -1 : action.service.length + 1;
  let covered = 0;
  for (const p of actionPatternsFor(s, action.service)) {
    if ((at > 0 && !mayCoverAt(p, name, at)) || !actionPatternCovers(p, name)) continue;
    covered |= GRANTED;
    if (!namesNoService(p)) {
      covered |= GRANTED_BY_NAMED_SERVICE;
      break;
    }
  }
  if (covered === 0) return 0;
  const reaches = statementReachesAction(s, action) && !conditionEntries(s).some(({ block, entry }) => conditionNeverHolds(block, entry, action));
  return reaches ? covered : 0;
}

export function grantedActions(s: Statement, actions: readonly ActionInfo[]): ActionInfo[] {
  // A statement whose Action names no service grants nothing (asked of the memoized fact, not a copy of the list).
  if (s.effect !== 'Allow' || actionServices(s).mask === 0) return [];
  const verdicts = verdictsOf(s);
  return actions.filter((a) => (verdictOf(s, verdicts, a) & GRANTED) !== 0);
}

/** `*`, `*:*`, `*:Create*`: patterns that name no service (full-wildcard-action reports those). */
function namesNoService(pattern: string): boolean {
  return /^\*+(:|$)/.test(pattern);
}

/** An action pattern of the SageMaker service itself (not `*`, not `*:*`) that covers every SageMaker action. */
export function coversAllSageMaker(pattern: string): boolean {
  if (namesNoService(pattern) || !hasWildcard(pattern) || !patternMayCoverService(pattern, 'sagemaker')) return false;
  return coversAllSageMakerCache.get(pattern, computeCoversAllSageMaker);
}
const coversAllSageMakerCache = new TextCache<boolean>(10_000);

function computeCoversAllSageMaker(pattern: string): boolean {
  const all = reference().actions('sagemaker');
  return all.length > 0 && all.every((a) => actionPatternCovers(pattern, fullName(a)));
}

/**
 * `sagemaker:*` allowed on every resource (`*`, `arn:aws:sagemaker:*:*:*`, or a NotResource list) without a
 * condition: what sagemaker-full-access reports. The finer "allowed without a guard" rules stay silent on
 * such a statement rather than list every guard that full access lacks.
 */
export const isFullSageMakerStatement = memo(computeFullSageMaker);

function computeFullSageMaker(s: Statement): boolean {
  if (!mayGrantFrom(s, SAGEMAKER) || s.element('Condition')) return false;
  const everywhere = s.element('NotResource') !== undefined || s.resources.some((r) => r.text !== undefined && isAnyResource(r.text));
  // Only the entries that can name SageMaker (not the thousand others of a read-only statement).
  return everywhere && actionPatternsFor(s, 'sagemaker').some(coversAllSageMaker);
}

/**
 * What the section-7 rules count as granted: effectively granted through an entry that names the service
 * (`"*"` is full-wildcard-action's finding), on a statement that is not plain full SageMaker access.
 */
export function ruleGrants(s: Statement, candidates: readonly ActionInfo[]): readonly ActionInfo[] {
  // Most statements name none of the candidates' services (a SageMaker rule over a Glue statement).
  if (!mayGrantAny(s, candidates) || isFullSageMakerStatement(s)) return NO_ACTIONS;
  const verdicts = verdictsOf(s);
  const granted = (a: ActionInfo) => (verdictOf(s, verdicts, a) & GRANTED_BY_NAMED_SERVICE) !== 0;
  // When the statement lists the candidates' service without wildcards, it can only grant those actions: look
  // them up in the candidates rather than walk a list of a hundred candidates for each (kept in candidate order).
  const services = servicesOf(candidates);
  const listed = services.length === 1 ? literalActionsFor(s, services[0]) : undefined;
  if (listed) {
    const position = positionsOf(candidates);
    return listed.filter((a) => position.has(a) && granted(a)).sort((a, b) => position.get(a)! - position.get(b)!);
  }
  return candidates.filter(granted);
}

const NO_ACTIONS: readonly ActionInfo[] = []; // not frozen: see IamReference on frozen arrays

/**
 * Can the statement grant one of the candidates at all: an Allow whose Action can name one of their services
 * (an O(1) question on the memoized services of the statement, asked before anything that costs).
 */
export function mayGrantAny(s: Statement, candidates: readonly ActionInfo[]): boolean {
  return mayGrantFrom(s, candidatesMask(candidates));
}

/** `mayGrantFrom` for some statement of the list: the whole-document early exit. */
export function someMayGrant(statements: readonly Statement[], mask: number): boolean {
  for (let i = 0; i < statements.length; i++) if (mayGrantFrom(statements[i], mask)) return true;
  return false;
}

/** The `servicesMask` of the candidates' services (0 for none: nothing can be granted). */
export function candidatesMask(candidates: readonly ActionInfo[]): number {
  let mask = candidateMasks.get(candidates);
  if (mask === undefined) candidateMasks.set(candidates, (mask = servicesMask(...servicesOf(candidates))));
  return mask;
}
const candidateMasks = new WeakMap<readonly ActionInfo[], number>();

/**
 * The actions of the service a statement's Action names, when every entry that can name the service is a
 * plain action without wildcards (else undefined). Worked out once per statement and service.
 */
function literalActionsFor(s: Statement, service: string): readonly ActionInfo[] | undefined {
  const byService = literalActionsByService(s);
  let listed = byService.get(service);
  if (listed === undefined) byService.set(service, (listed = literalActions(actionPatternsFor(s, service))));
  return listed ?? undefined;
}
const literalActionsByService = memo((): Map<string, readonly ActionInfo[] | null> => new Map());

function literalActions(patterns: readonly string[]): readonly ActionInfo[] | null {
  const found = new Set<ActionInfo>();
  for (const text of patterns) {
    if (text.includes('*') || text.includes('?')) return null;
    const colon = text.indexOf(':');
    const action = colon > 0 ? reference().action(text.slice(0, colon), text.slice(colon + 1)) : undefined;
    if (action) found.add(action);
  }
  return [...found];
}

/** Each candidate's position in its list (lists are built once and reused, so this is cached per list). */
function positionsOf(candidates: readonly ActionInfo[]): Map<ActionInfo, number> {
  let positions = candidatePositions.get(candidates);
  if (!positions) candidatePositions.set(candidates, (positions = new Map(candidates.map((a, i) => [a, i]))));
  return positions;
}
const candidatePositions = new WeakMap<readonly ActionInfo[], Map<ActionInfo, number>>();

/** The distinct services of a candidate list (lists are built once and reused, so this is cached per list). */
function servicesOf(candidates: readonly ActionInfo[]): string[] {
  let services = candidateServices.get(candidates);
  if (!services) candidateServices.set(candidates, (services = [...new Set(candidates.map((a) => a.service))]));
  return services;
}
const candidateServices = new WeakMap<readonly ActionInfo[], string[]>();

/** Can the service part of the pattern (`sagemaker`, `sage*`, `*`) name the service? */
export function patternMayCoverService(pattern: string, service: string): boolean {
  const colon = pattern.indexOf(':');
  const part = colon < 0 ? pattern : pattern.slice(0, colon);
  return part.toLowerCase() === service || (hasWildcard(part) && globMatches(part, service, { ignoreCase: true }));
}

/** The first `Action` entry that names a service and covers one of the actions: the place to underline. */
export function grantingEntry(s: Statement, actions: readonly ActionInfo[]): ValueItem | undefined {
  const names = actions.map(fullName);
  const covering = (item: ValueItem) => item.text !== undefined && !item.text.includes('${') && names.some((n) => actionPatternCovers(item.text!, n));
  return s.actions.find((item) => covering(item) && !namesNoService(item.text!)) ?? s.actions.find(covering);
}

// ---- guards ----

export type KeyPredicate = (lowerKey: string) => boolean;

function isNullWith(block: ConditionBlock, entry: ConditionEntry, value: 'true' | 'false'): boolean {
  return parseOperator(block.operator)?.family === 'Null' && entry.values.some((v) => v.text?.toLowerCase() === value);
}

/**
 * The Allow statement itself conditions on a matching key (any operator, key in any case), except
 * `Null` "true", which allows only requests *without* the key.
 */
export function allowHasGuard(s: Statement, predicate: KeyPredicate): boolean {
  return conditionEntries(s).some(({ block, entry }) => predicate(entry.key.toLowerCase()) && !isNullWith(block, entry, 'true'));
}

/** Does a Deny statement cover the action (through `Action`, or a `NotAction` that leaves it out)? */
export function denyCovers(s: Statement, action: ActionInfo): boolean {
  if (s.effect !== 'Deny') return false;
  const name = fullName(action);
  if (s.element('Action')) return grantsAction(s, name);
  if (s.element('NotAction')) {
    const excluded = notActionList(s);
    return excluded !== null && !excluded.coversAny(name);
  }
  return false;
}

/** A Deny's NotAction, indexed (it can list a thousand actions); null when an entry is not a plain string. */
const notActionList = memo((s: Statement): ActionPatternList | null => {
  const texts: string[] = [];
  for (const item of s.notActions) {
    if (item.text === undefined) return null;
    texts.push(item.text);
  }
  return new ActionPatternList(texts);
});

/**
 * A Deny statement that covers the action and conditions on a matching key guards it (deny unless the
 * request is right: `Null` "true", `StringNotEquals`, `Bool` "false", ...). `Null` "false" denies only
 * requests that *carry* the key, which guards nothing.
 */
export function deniedWithGuard(doc: PolicyDocument, action: ActionInfo, predicate: KeyPredicate): boolean {
  return allStatements(doc).some(
    (s) => denyCovers(s, action) && conditionEntries(s).some(({ block, entry }) => predicate(entry.key.toLowerCase()) && !isNullWith(block, entry, 'false')),
  );
}

/**
 * Scope (see Rule.scope) of the rules whose findings depend on other statements only through the Deny
 * statements with a condition, which guard an Allow (deniedWithGuard, deniedUnlessCondition).
 */
export function guardingDenyText(s: Statement, text: string): string {
  return s.effect === 'Deny' && s.element('Condition') ? text : '';
}

/**
 * Scope of the rules whose findings depend on other statements only through the Deny statements without a
 * condition, which take actions away outright (deniedOutright, unconditional-deny-overrides).
 */
export function outrightDenyText(s: Statement, text: string): string {
  return s.effect === 'Deny' && !s.element('Condition') ? text : '';
}

/**
 * Scope of the rules that also read the tag gating of the document (tagGating): the Deny statements and
 * the statements that mention a resource tag.
 */
export function tagGatingText(s: Statement, text: string): string {
  return s.effect === 'Deny' || /resourcetag/i.test(text) ? text : '';
}

/** Keys in any case: `keyIs('sagemaker:VpcSubnets', ...)` for a predicate. */
export function keyIs(...keys: string[]): KeyPredicate {
  const set = new Set(keys.map((k) => k.toLowerCase()));
  return (lower) => set.has(lower);
}

/**
 * The actions of `candidates` that the Allow statement effectively grants and that are guarded neither
 * by a condition of the statement nor by a Deny statement, both on a key `isGuardKey` accepts.
 */
function unguardedGrants(doc: PolicyDocument, s: Statement, candidates: readonly ActionInfo[], isGuardKey: KeyPredicate): ActionInfo[] {
  const granted = ruleGrants(s, candidates);
  if (granted.length === 0 || allowHasGuard(s, isGuardKey)) return [];
  return granted.filter((a) => !deniedWithGuard(doc, a, isGuardKey));
}

/** "CreateTrainingJob, CreateProcessingJob and 7 more" */
export function listActions(actions: readonly ActionInfo[], max = 4): string {
  const names = actions.map((a) => a.name);
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

// ---- resources in messages and scoping ----

/** `*`, or an ARN whose whole resource part is `*` (`arn:aws:sagemaker:*:*:*`). */
export function isAnyResource(text: string): boolean {
  if (text === '*') return true;
  const parts = text.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts.slice(5).join(':') === '*';
}

/** Variables that name the caller. */
export const PRINCIPAL_VARIABLE = /\$\{(aws:principaltag\/[^}]+|aws:username|aws:userid|aws:principalarn|sagemaker:userprofilename|saml:sub|aws:sourceidentity|identitystore:userid)\}/i;

const RESOURCE_TAG_KEY = /^(sagemaker|aws):resourcetag\/(.+)$/;
const RESOURCE_TAG_VARIABLE = /\$\{(?:sagemaker|aws):resourcetag\/([^}]+)\}/gi;
const PRINCIPAL_KEY = /^(aws:principaltag\/.+|aws:username|aws:userid|aws:principalarn|aws:sourceidentity|saml:sub|identitystore:userid)$/;

/**
 * The statement ties a tag of the target resource to the caller, in either direction:
 * `"sagemaker:ResourceTag/owner": "${aws:userid}"` or `"aws:PrincipalTag/team": "${sagemaker:ResourceTag/team}"`.
 */
export function tiesResourceTagToCaller(s: Statement): boolean {
  return conditionEntries(s).some(({ block, entry }) => {
    if (parseOperator(block.operator)?.base.negated) return false;
    const key = entry.key.toLowerCase();
    const texts = entry.values.map((v) => v.text).filter((t): t is string => t !== undefined);
    if (RESOURCE_TAG_KEY.test(key)) return texts.some((t) => PRINCIPAL_VARIABLE.test(t));
    if (PRINCIPAL_KEY.test(key)) return texts.some((t) => /\$\{(sagemaker|aws):resourcetag\//i.test(t));
    return false;
  });
}

export interface TagGating {
  /** Lower-cased tag key -> the spelling first seen. */
  keys: Map<string, string>;
  /** The statements that gate on them. */
  statements: Statement[];
}

/**
 * Tag keys the document uses to gate access to SageMaker resources: `sagemaker:ResourceTag/<key>` or
 * `aws:ResourceTag/<key>` as a condition key or as a `${...}` variable in a condition value, in an Allow
 * or Deny statement whose actions include a SageMaker action. With `callerTied`, only tags compared with
 * the caller (`"sagemaker:ResourceTag/team": "${aws:PrincipalTag/team}"`, or the reverse), the ABAC of the
 * Studio guides; `Null` checks and fixed values (`env` = `dev`) are then left out.
 */
export function tagGating(doc: PolicyDocument, callerTied = false): TagGating {
  const statementTags = callerTied ? callerTiedGatingTags : gatingTags;
  const all = allStatements(doc);
  // Worked out once per statement: after an edit, only the edited statement is new.
  if (!someGate(all, statementTags)) return NO_GATING;
  const keys = new Map<string, string>();
  const statements: Statement[] = [];
  for (const s of all) {
    const tags = statementTags(s);
    if (tags.length === 0) continue;
    for (const tag of tags) if (!keys.has(tag.toLowerCase())) keys.set(tag.toLowerCase(), tag);
    statements.push(s);
  }
  return { keys, statements };
}

const NO_TAGS: readonly string[] = []; // not frozen: see IamReference on frozen arrays

function someGate(statements: readonly Statement[], statementTags: (s: Statement) => readonly string[]): boolean {
  for (let i = 0; i < statements.length; i++) if (statementTags(statements[i]).length > 0) return true;
  return false;
}

/** Most documents gate on no tag (shared, never changed: callers only read it). */
const NO_GATING: TagGating = { keys: new Map(), statements: [] };

const gatingTags = memo((s: Statement) => tagsGatedBy(s, false));
const callerTiedGatingTags = memo((s: Statement) => tagsGatedBy(s, true));

/** The tag keys one statement gates SageMaker access on, in the order written (see tagGating). */
function tagsGatedBy(s: Statement, callerTied: boolean): readonly string[] {
  if ((s.effect !== 'Allow' && s.effect !== 'Deny') || s.conditions.length === 0 || !mayNameServices(s, SAGEMAKER)) return NO_TAGS;
  const tags: string[] = [];
  for (const { entry } of conditionEntries(s)) {
    const texts = entry.values.map((v) => v.text).filter((t): t is string => t !== undefined);
    const key = entry.key.toLowerCase();
    if (RESOURCE_TAG_KEY.test(key) && (!callerTied || texts.some((t) => PRINCIPAL_VARIABLE.test(t)))) tags.push(entry.key.slice(entry.key.indexOf('/') + 1));
    if (callerTied && !PRINCIPAL_KEY.test(key)) continue;
    for (const text of texts) for (const vm of text.matchAll(RESOURCE_TAG_VARIABLE)) tags.push(vm[1]);
  }
  // Asked last, and only of the entries that can name SageMaker: `"*"` would expand to every action.
  if (tags.length === 0 || !actionPatternsFor(s, 'sagemaker').some(namesSageMakerAction)) return NO_TAGS;
  return tags;
}

/**
 * Does the pattern cover a SageMaker action? Asked of SageMaker's part of the expansion only: `"*"` would
 * expand to every action of every service, and SageMaker's come late in that list.
 */
function namesSageMakerAction(pattern: string): boolean {
  if (pattern === '*') return reference().actions('sagemaker').length > 0;
  const colon = pattern.indexOf(':');
  if (colon < 0 || !patternMayCoverService(pattern, 'sagemaker')) return false;
  return reference().matchActions(`sagemaker${pattern.slice(colon)}`).length > 0;
}

/**
 * Resource-type ARN patterns (`arn:*:sagemaker:*:*:training-job/*`) of the SageMaker actions the statements
 * cover: what a tag-gated statement protects.
 */
export function protectedTemplates(statements: readonly Statement[]): Set<string> {
  const result = new Set<string>();
  for (const s of statements) {
    for (const p of actionTexts(s)) for (const t of sageMakerTemplateGlobs(p)) result.add(t);
  }
  return result;
}

/** The ARN patterns of every resource type of the SageMaker actions an action pattern covers (cached per pattern). */
function sageMakerTemplateGlobs(pattern: string): readonly string[] {
  return sageMakerGlobsCache.get(pattern, computeSageMakerTemplateGlobs);
}
const sageMakerGlobsCache = new TextCache<readonly string[]>(5000);

function computeSageMakerTemplateGlobs(pattern: string): readonly string[] {
  const found = new Set<string>();
  if (patternMayCoverService(pattern, 'sagemaker')) {
    for (const a of reference().matchActions(pattern)) {
      if (a.service !== 'sagemaker') continue;
      for (const t of a.resourceTypes) {
        const arn = reference().resourceType(a.service, t.name)?.arn;
        if (arn) found.add(templateGlob(arn));
      }
    }
  }
  return [...found];
}

/** Can the statement's Resource name one of the resources matched by the ARN patterns? NotResource: assume so. */
export function resourcesReachAny(s: Statement, templates: ReadonlySet<string>): boolean {
  if (!s.element('Resource')) return true;
  return s.resources.some((r) => {
    if (r.text === undefined || r.text === '*') return true;
    const glob = asGlob(r.text);
    for (const t of templates) if (arnGlobsIntersect(t, glob)) return true;
    return false;
  });
}

/** Plain string values of a condition entry (no intrinsics, no policy variables, no wildcards). */
export function literalValues(entry: ConditionEntry): ValueItem[] {
  return entry.values.filter((v) => v.node.type === 'string' && v.text !== undefined && !containsPolicyVariable(v.text) && !hasWildcard(v.text));
}

/**
 * The shape shared by the "allowed without a guard" rules: in a granting policy, for each statement, the
 * candidate actions it effectively grants with no condition on a key `isGuardKey` accepts, neither in the
 * statement (except Null "true") nor in a Deny that covers them, reported on the Action entry that grants
 * them. `message` gets the subject, such as "CreateTrainingJob and CreateProcessingJob are".
 */
export function reportUnguardedGrants(
  { doc, kind, report }: RuleContext,
  candidates: readonly ActionInfo[],
  isGuardKey: KeyPredicate,
  message: (subject: string) => string,
  skip: (s: Statement) => boolean = () => false,
): void {
  if (!isGrantingKind(kind) || candidates.length === 0) return;
  const mask = candidatesMask(candidates);
  for (const s of doc.statements) {
    // Cheap first: most statements cannot grant a candidate (skip is only a filter, so the order is free).
    if (!mayGrantFrom(s, mask) || skip(s)) continue;
    const open = unguardedGrants(doc, s, candidates, isGuardKey);
    if (open.length === 0) continue;
    const target = grantingEntry(s, open);
    if (!target) continue;
    report({ node: target.node, message: message(`${listActions(open)} ${open.length > 1 ? 'are' : 'is'}`) });
  }
}
