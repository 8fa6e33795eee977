/**
 * Shared by the section 6 rules that flag broad grants (privilege-escalation, credentials-exposure,
 * data-exfiltration, kms-key-wildcard): which statements grant to the policy's own principal, what
 * "on *" means, and whether an unconditional Deny already takes an action away.
 */
import { TextCache } from '../textCache';
import { reference } from '../data/reference';
import { actionPatternCovers } from '../match';
import { allStatements, type PolicyDocument, type Statement, type ValueItem } from '../parse/model';
import type { PolicyKind } from '../types';
import { MAX_ACTION_LENGTH } from './_action';
import { actionPatternsFor, actionServices, actionTexts, mayCoverAt, mayGrantFrom, mayNameServices, memo, servicesMask } from './_util';

/**
 * Allow statements of an identity policy (or a fragment statement without a principal). In a
 * resource policy `"Resource": "*"` means the resource the policy is attached to (a KMS key policy,
 * a secret's policy), so "on *" is no finding there; SCPs and boundaries only cap permissions.
 */
export function identityAllowStatements(doc: PolicyDocument, kind: PolicyKind): Statement[] {
  if (kind !== 'identity' && kind !== 'fragment') return [];
  return doc.statements.filter(isIdentityAllow);
}

export function isIdentityAllow(s: Statement): boolean {
  return (
    s.effect === 'Allow' &&
    !s.element('Principal') &&
    !s.element('NotPrincipal') &&
    !s.element('NotAction') &&
    // `"*"` / `"*:*"` is administrator access, reported as an error by full-wildcard-action: no need to list what it includes.
    // (Either makes the statement's service fact anyService: most statements need not be walked.)
    !(actionServices(s).anyService && actionTexts(s).some((p) => p === '*' || p === '*:*'))
  );
}

/** What an identity Allow statement contributes to a document-wide union of granted `actions` (for Rule.scope). */
export function identityGrantsOf(s: Statement, actions: readonly string[]): string {
  return isIdentityAllow(s) ? grantedOf(s, actions).join(' ') : '';
}

/**
 * `*`, or an ARN that names every resource of its service or of one resource type:
 * `arn:aws:kms:*:*:key/*`, `arn:aws:iam::123456789012:role/*`, `arn:aws:s3:::*`, `arn:aws:s3:::*\/*`.
 * `arn:aws:s3:::my-bucket/*` is one bucket, not everything.
 */
export function isEverything(resource: string): boolean {
  if (resource === '*') return true;
  return everythingCache.get(resource, computeIsEverything);
}
const everythingCache = new TextCache<boolean>(10_000);

function computeIsEverything(resource: string): boolean {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const service = parts[2];
  const rest = parts.slice(5).join(':');
  if (/^\*([/:]\*)*$/.test(rest)) return true;
  const m = /^([\w-]+)([/:])\*$/.exec(rest);
  if (!m || /[*?]/.test(service)) return false;
  // `role/*` names every role only if the type's ARN really starts with `role/`: S3 bucket ARNs have no
  // type segment, so `arn:aws:s3:::bucket/*` is the objects of a bucket called "bucket".
  const template = reference().resourceType(service, m[1])?.arn;
  return template !== undefined && template.split(':').slice(5).join(':').toLowerCase().startsWith(`${m[1].toLowerCase()}${m[2]}`);
}

/** The first `Resource` entry that names everything, when the statement has no Condition. */
export function unconstrainedResource(s: Statement): ValueItem | undefined {
  return unconstrainedResources(s) ?? undefined;
}
/** Worked out once per statement: four rules ask it of the same statements. */
const unconstrainedResources = memo((s: Statement): ValueItem | null => {
  if (s.element('Condition')) return null;
  return s.resources.find((r) => r.text !== undefined && isEverything(r.text)) ?? null;
});

/** Is the action taken away by a Deny without conditions on every resource (for the policy's own principal)? */
export function deniedOutright(doc: PolicyDocument, action: string): boolean {
  return allStatements(doc).some(
    (s) =>
      s.effect === 'Deny' &&
      !s.element('Condition') &&
      !s.element('Principal') &&
      !s.element('NotPrincipal') &&
      s.resources.some((r) => r.text === '*') &&
      actionTexts(s).some((p) => p.length <= MAX_ACTION_LENGTH && actionPatternCovers(p, action)),
  );
}

const NONE: readonly string[] = [];

/** A candidate list indexed for lookups: by lower-cased name (literal patterns) and by service (wildcards). */
interface CandidateIndex {
  /** The distinct lower-cased service prefixes of the candidates. */
  services: string[];
  /** Their `servicesMask`. */
  mask: number;
  byName: Map<string, string[]>;
  byService: Map<string, string[]>;
  /** Per lower-cased wildcard pattern: the candidates it covers. Patterns repeat across documents. */
  wildcards: Map<string, readonly string[]>;
}
const indexes = new WeakMap<readonly string[], CandidateIndex>();

function indexOf(candidates: readonly string[]): CandidateIndex {
  let index = indexes.get(candidates);
  if (!index) {
    index = { services: [], mask: 0, byName: new Map(), byService: new Map(), wildcards: new Map() };
    for (const c of candidates) {
      const lower = c.toLowerCase();
      const service = lower.slice(0, Math.max(0, lower.indexOf(':')));
      index.byName.set(lower, [...(index.byName.get(lower) ?? []), c]);
      index.byService.set(service, [...(index.byService.get(service) ?? []), c]);
    }
    index.services = [...index.byService.keys()];
    index.mask = servicesMask(...index.services);
    indexes.set(candidates, index);
  }
  return index;
}

function coveredBy(pattern: string, candidates: readonly string[]): readonly string[] {
  if (pattern.length > MAX_ACTION_LENGTH) return NONE;
  const index = indexOf(candidates);
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return index.byName.get(lower) ?? NONE;
  let covered = index.wildcards.get(lower);
  if (!covered) {
    const colon = lower.indexOf(':');
    const service = colon < 0 ? '' : lower.slice(0, colon);
    const pool = colon < 0 || /[*?]/.test(service) ? candidates : index.byService.get(service) ?? NONE;
    covered = pool.filter((a) => actionPatternCovers(pattern, a));
    if (covered.length === 0) covered = NONE;
    if (index.wildcards.size > 20000) index.wildcards.clear();
    index.wildcards.set(lower, covered);
  }
  return covered;
}

export interface UnconstrainedGrant {
  statement: Statement;
  resource: ValueItem;
  granted: readonly string[];
}
const NO_GRANTS: readonly UnconstrainedGrant[] = []; // not frozen: see IamReference on frozen arrays

/**
 * What the "allowed on everything" rules report: for each Allow of the policy's own principal whose Resource
 * names everything without a condition, the actions of `actions` it grants that no unconditional Deny takes
 * away (in list order).
 */
export function unconstrainedGrants(doc: PolicyDocument, kind: PolicyKind, actions: readonly string[]): readonly UnconstrainedGrant[] {
  if (kind !== 'identity' && kind !== 'fragment') return NO_GRANTS;
  const mask = actionsMask(actions);
  let found: UnconstrainedGrant[] | undefined;
  for (const statement of doc.statements) {
    // Cheap first: most statements name none of the actions' services (the other tests only filter). Then the
    // Resource, worked out once for the four rules that ask: most of the rest are scoped, and almost all are
    // identity Allows.
    if (!mayGrantFrom(statement, mask)) continue;
    const resource = unconstrainedResource(statement);
    if (!resource || !isIdentityAllow(statement)) continue;
    const granted = grantedOf(statement, actions).filter((a) => !deniedOutright(doc, a));
    if (granted.length > 0) (found ??= []).push({ statement, resource, granted });
  }
  return found ?? NO_GRANTS;
}

/** The `servicesMask` of the services of the actions (`iam:PassRole` ...), for `mayNameServices`. */
export function actionsMask(actions: readonly string[]): number {
  return indexOf(actions).mask;
}

/** The actions of `candidates` the statement's `Action` covers (wildcards and case as IAM reads them), in list order. */
export function grantedOf(s: Statement, candidates: readonly string[]): readonly string[] {
  const index = indexOf(candidates);
  if (!mayNameServices(s, index.mask)) return NONE;
  const services = actionServices(s);
  let hit: Set<string> | undefined;
  if (services.anyService) {
    for (const p of actionTexts(s)) for (const a of coveredBy(p, candidates)) (hit ??= new Set()).add(a);
  } else if (services.only !== undefined) {
    // Every entry names one service (the usual statement): only that service's candidates are tried.
    const pool = index.byService.get(services.only);
    if (pool) hit = addCovered(actionTexts(s), services.only, pool, hit);
  } else {
    // Every entry names its service literally: only the entries of a candidate's service can cover it, and
    // trying those few candidates directly is cheaper than looking the pattern up (the answers are the same).
    for (const service of index.services) {
      const patterns = actionPatternsFor(s, service);
      if (patterns.length > 0) hit = addCovered(patterns, service, index.byService.get(service)!, hit);
    }
  }
  return hit === undefined ? NONE : candidates.filter((a) => hit!.has(a));
}

/** `hit` with the actions of `pool` that one of `patterns` covers (all of them name `service` literally). */
function addCovered(patterns: readonly string[], service: string, pool: readonly string[], hit: Set<string> | undefined): Set<string> | undefined {
  const at = service.length + 1;
  for (const p of patterns) {
    if (p.length > MAX_ACTION_LENGTH) continue;
    for (const a of pool) if (mayCoverAt(p, a, at) && actionPatternCovers(p, a)) (hit ??= new Set()).add(a);
  }
  return hit;
}

/** The first `Action` entry that covers one of the actions, to underline. */
export function actionItemFor(s: Statement, actions: readonly string[]): ValueItem | undefined {
  const covers = (text: string) => text.length <= MAX_ACTION_LENGTH && actions.some((x) => actionPatternCovers(text, x));
  if (actionServices(s).anyService) return s.actions.find((a) => a.text !== undefined && covers(a.text));
  // Every entry names its service literally: only the entries of the actions' services can cover one, so find
  // those first and then the first item that is one of them (a read-only statement lists a thousand others).
  const covering = new Set<string>();
  for (const service of servicesOfActions(actions)) for (const p of actionPatternsFor(s, service)) if (covers(p)) covering.add(p);
  return covering.size === 0 ? undefined : s.actions.find((a) => a.text !== undefined && covering.has(a.text));
}

/** The distinct lower-cased service prefixes of `service:Action` names. */
function servicesOfActions(actions: readonly string[]): string[] {
  const services: string[] = [];
  for (const action of actions) {
    const service = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();
    if (!services.includes(service)) services.push(service);
  }
  return services;
}

/** "a, b and 2 more" */
export function listNames(names: readonly string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
