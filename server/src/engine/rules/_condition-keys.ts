/**
 * Condition-key facts shared by the section 4 rules: what a written key is (a global `aws:` key, a
 * cross-service key, a service key from the reference data, or something the data cannot judge),
 * its value type and whether it is multivalued. Lookups are cached per lower-cased key.
 */
import { TextCache } from '../textCache';
import { GLOBAL_CONDITION_KEYS, lookupGlobalConditionKey } from '../data/globalConditionKeys';
import { parseOperator } from '../data/operators';
import { reference } from '../data/reference';
import { didYouMean } from './_util';

/** Value types as the Service Authorization Reference spells them, without the ArrayOf prefix. */
export type KeyValueType = 'String' | 'ARN' | 'Bool' | 'Numeric' | 'Date' | 'IPAddress';

export interface KeyFacts {
  /** Documented spelling, placeholders included: `aws:PrincipalTag/${TagKey}`. */
  key: string;
  type: KeyValueType;
  /** aws:EpochTime compares as a Date or as a Numeric. */
  alsoType?: KeyValueType;
  multivalued: boolean;
  /** Global keys (and the documented cross-service session keys) are available to every action. */
  global: boolean;
  /** Service keys the reference marks deprecated (see IamReference.deprecatedConditionKey). */
  deprecated?: { replacement?: string };
}

export type KeyStatus =
  | { status: 'known'; facts: KeyFacts }
  /** An `aws:` key neither the global table nor any service table lists. */
  | { status: 'unknown-global' }
  /** A key of a service the data knows, which the data does not list. */
  | { status: 'unknown-service'; service: string }
  /** The data cannot judge: a provider prefix (OIDC host, saml), a variable, no prefix at all. */
  | { status: 'undecidable' };

/**
 * Keys that neither the IAM guide nor the service authorization reference documents, but that AWS's own
 * managed policies use (aws:PrincipalOrgMasterAccountId in AWSSSOServiceRolePolicy, lakeformation:GlueARN in
 * AmazonDataZoneGlueManageAccessRolePolicy): AWS evidently evaluates them, so they are not reported as unknown.
 */
const UNDOCUMENTED_KEYS = new Set(['aws:principalorgmasteraccountid', 'lakeformation:gluearn']);

/**
 * Tag keys some service tables spell with a literal placeholder the pattern matcher does not read:
 * `secretsmanager:ResourceTag/tag-key`, `ssm:resourceTag/tag-key`, `sagemaker:ResourceTag/`.
 */
function literalTagKey(key: string): string | undefined {
  const m = /^([\w-]+:(?:resource|request)tag\/).+$/i.exec(key);
  if (!m) return undefined;
  const ref = reference();
  for (const candidate of [`${m[1]}tag-key`, m[1]]) {
    const info = ref.conditionKey(candidate);
    if (info && info.key.toLowerCase() === candidate.toLowerCase()) return candidate;
  }
  return undefined;
}

const TYPES = new Set<string>(['String', 'ARN', 'Bool', 'Numeric', 'Date', 'IPAddress']);
const byLowerCase = new TextCache<KeyStatus>(5000);

function asType(type: string): KeyValueType | undefined {
  const scalar = type.replace(/^ArrayOf/, '');
  return TYPES.has(scalar) ? (scalar as KeyValueType) : undefined;
}

function classify(key: string): KeyStatus {
  if (key.includes('${') || !key.includes(':')) return { status: 'undecidable' };
  const global = lookupGlobalConditionKey(key);
  if (global) {
    return {
      status: 'known',
      facts: { key: global.key, type: global.type, ...(global.alsoType ? { alsoType: global.alsoType } : {}), multivalued: global.multivalued, global: true },
    };
  }
  const prefix = key.slice(0, key.indexOf(':')).toLowerCase();
  if (UNDOCUMENTED_KEYS.has(key.toLowerCase())) return { status: 'undecidable' };
  if (prefix === 'aws') return { status: 'unknown-global' };
  const ref = reference();
  const info = ref.conditionKey(key) ?? ref.conditionKey(literalTagKey(key) ?? '');
  if (info) {
    const type = asType(info.type);
    if (!type) return { status: 'undecidable' };
    const deprecated = ref.deprecatedConditionKey(info.key);
    return { status: 'known', facts: { key: info.key, type, multivalued: info.type.startsWith('ArrayOf'), global: false, ...(deprecated ? { deprecated } : {}) } };
  }
  if (ref.hasService(prefix)) return { status: 'unknown-service', service: prefix };
  return { status: 'undecidable' };
}

/** The same statuses by the key as written: most keys recur in one spelling, which then needs no lower-casing. */
const byWritten = new TextCache<KeyStatus>(5000);

/** Case-insensitive, as IAM compares condition keys. The status objects are shared: read them, never change them. */
export function classifyKey(key: string): KeyStatus {
  return byWritten.get(key, classifyWritten);
}

function classifyWritten(key: string): KeyStatus {
  return byLowerCase.get(key.toLowerCase(), () => classify(key));
}

export function keyFacts(key: string): KeyFacts | undefined {
  const c = classifyKey(key);
  return c.status === 'known' ? c.facts : undefined;
}

/**
 * A documented key with a trailing placeholder (`aws:ResourceTag/${TagKey}`, `kms:EncryptionContext:${...}`)
 * made concrete with the part the user wrote after the same separator, so that `aws:ResourceTags/team`
 * can be compared with `aws:ResourceTag/team`. Undefined when the shapes do not line up.
 */
function concretize(candidate: string, written: string): string | undefined {
  const m = /^(.*?)(\$\{[^}]*\}|<[^>]*>)$/.exec(candidate);
  if (!m) return /\$\{|</.test(candidate) ? undefined : candidate;
  const stem = m[1];
  if (/\$\{|</.test(stem) || stem.length === 0) return undefined;
  const separator = stem[stem.length - 1];
  const count = stem.split(separator).length - 1;
  let index = -1;
  for (let i = 0; i < count; i++) {
    index = written.indexOf(separator, index + 1);
    if (index < 0) return undefined;
  }
  const suffix = written.slice(index + 1);
  return suffix ? stem + suffix : undefined;
}

/** By the prefix a document wrote (any text): bounded. */
const candidateCache = new TextCache<string[]>(1000);

/** The documented keys that share the written key's prefix (`aws`, `sagemaker`, ...), real case. */
function keysWithPrefix(prefix: string): string[] {
  return candidateCache.get(prefix, findKeysWithPrefix);
}

function findKeysWithPrefix(prefix: string): string[] {
  const set = new Set<string>();
  for (const k of GLOBAL_CONDITION_KEYS) if (k.key.toLowerCase().startsWith(`${prefix}:`)) set.add(k.key);
  if (prefix !== 'aws') {
    for (const k of reference().serviceConditionKeys(prefix)) if (k.key.toLowerCase().startsWith(`${prefix}:`)) set.add(k.key);
  }
  return [...set];
}

/** Up to three documented keys closest to a key the data does not know, ranked by edit distance. */
export function suggestKeys(written: string): string[] {
  const colon = written.indexOf(':');
  if (colon < 0 || written.length > 256) return [];
  const prefix = written.slice(0, colon).toLowerCase();
  // didYouMean's own distance limit; a candidate whose length differs by more can never be within it.
  const limit = Math.max(2, Math.floor(written.length / 3));
  const candidates = new Set<string>();
  for (const k of keysWithPrefix(prefix)) {
    const concrete = concretize(k, written);
    if (concrete && Math.abs(concrete.length - written.length) <= limit && concrete.toLowerCase() !== written.toLowerCase()) candidates.add(concrete);
  }
  return didYouMean(written, candidates, 3);
}

/** The operator families that can compare values of a key type (String operators work on every type). */
export function familiesFor(type: KeyValueType): string[] {
  switch (type) {
    case 'String':
      return ['String'];
    case 'ARN':
      return ['Arn', 'String'];
    case 'Bool':
      return ['Bool'];
    case 'Numeric':
      return ['Numeric'];
    case 'Date':
      return ['Date'];
    case 'IPAddress':
      return ['IpAddress'];
  }
}

/** How to write a comparison for a key type, for messages. */
export function operatorsFor(type: KeyValueType): string {
  switch (type) {
    case 'String':
      return 'StringEquals or StringLike';
    case 'ARN':
      return 'ArnEquals or ArnLike';
    case 'Bool':
      return 'Bool';
    case 'Numeric':
      return 'NumericEquals, NumericLessThan, ...';
    case 'Date':
      return 'DateLessThan, DateGreaterThan, ...';
    case 'IPAddress':
      return 'IpAddress or NotIpAddress';
  }
}

/**
 * What a condition evaluates to when the request does not carry the key at all: `true` (it
 * restricts nothing), `false` (the statement never applies), or undefined for an operator IAM rejects.
 */
export function absentKeyOutcome(operator: string, values: ReadonlyArray<{ text: string | undefined }>): boolean | undefined {
  const op = parseOperator(operator);
  if (!op) return undefined;
  if (op.family === 'Null') return values.some((v) => v.text?.toLowerCase() === 'true');
  if (op.ifExists || op.setOperator === 'ForAllValues' || op.base.negated) return true;
  return false;
}

/**
 * What IAM does with a condition on a key the request lacks, as a clause to follow "so" (or "and
 * then"); the empty string when the operator itself is invalid (unknown-condition-operator says so).
 */
export function absentKeyEffect(outcome: boolean | undefined, effect: string | undefined): string {
  if (outcome === undefined) return '';
  if (outcome) return 'the condition is always true and restricts nothing';
  return effect === 'Deny' ? 'the condition is never true and this Deny never applies' : 'the condition is never true and this statement never applies';
}
