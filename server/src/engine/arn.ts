/**
 * ARNs as written in policies (wildcards and policy variables allowed): their fields, and which
 * resource types of the service they can name, by intersecting them with the ARN formats of the
 * service authorization reference (`arn:${Partition}:sagemaker:${Region}:${Account}:user-profile/${DomainId}/${UserProfileName}`).
 */
import { reference, type ResourceTypeInfo } from './data/reference';

export type ArnFieldName = 'partition' | 'service' | 'region' | 'account' | 'resource';

export interface ArnField {
  name: ArnFieldName;
  value: string;
  /** Offset of the field in the ARN text. */
  start: number;
}

export interface ParsedArn {
  text: string;
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
  fields: ArnField[];
}

const FIELD_NAMES: ArnFieldName[] = ['partition', 'service', 'region', 'account', 'resource'];

/** `arn:partition:service:region:account:resource` (the resource part may hold more colons); undefined otherwise. */
export function parseArn(text: string): ParsedArn | undefined {
  if (!/^arn:/i.test(text)) return undefined;
  const fields: ArnField[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push({ name: FIELD_NAMES[i], value: text.slice(start, colon), start });
    start = colon + 1;
  }
  fields.push({ name: 'resource', value: text.slice(start), start });
  const [partition, service, region, account, resource] = fields.map((f) => f.value);
  return { text, partition, service, region, account, resource, fields };
}

export const PARTITIONS: Record<string, string> = {
  aws: 'AWS commercial Regions',
  'aws-cn': 'AWS China Regions',
  'aws-us-gov': 'AWS GovCloud (US) Regions',
  'aws-iso': 'AWS ISO (US) Regions',
  'aws-iso-b': 'AWS ISOB (US) Regions',
  'aws-iso-e': 'AWS ISOE (Europe) Regions',
  'aws-iso-f': 'AWS ISOF Regions',
  'aws-eusc': 'AWS European Sovereign Cloud',
};

// ---- glob intersection ----

type CharClass = 'any' | 'noSlash';
type Token = { kind: 'lit'; ch: string } | { kind: 'one'; cls: CharClass } | { kind: 'star'; cls: CharClass };

const LITERAL_VARIABLES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };

/** A policy's ARN field: `*` any run, `?` one character, `${var}` one or more characters without `/`. */
function policyTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end > 0) {
        const literal = LITERAL_VARIABLES[text.slice(i, end + 1)];
        if (literal) tokens.push({ kind: 'lit', ch: literal });
        else tokens.push({ kind: 'one', cls: 'noSlash' }, { kind: 'star', cls: 'noSlash' });
        i = end;
        continue;
      }
    }
    if (c === '*') tokens.push({ kind: 'star', cls: 'any' });
    else if (c === '?') tokens.push({ kind: 'one', cls: 'any' });
    else tokens.push({ kind: 'lit', ch: c });
  }
  return tokens;
}

/** A reference ARN format field: `${Placeholder}` is one or more characters (without `/` when strict). */
function formatTokens(text: string, strict: boolean): Token[] {
  const tokens: Token[] = [];
  const cls: CharClass = strict ? 'noSlash' : 'any';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end > 0) {
        tokens.push({ kind: 'one', cls }, { kind: 'star', cls });
        i = end;
        continue;
      }
    }
    tokens.push({ kind: 'lit', ch: text[i] });
  }
  return tokens;
}

function charSet(t: Token): { lit?: string; cls?: CharClass } {
  return t.kind === 'lit' ? { lit: t.ch } : { cls: t.cls };
}

function setsMeet(a: { lit?: string; cls?: CharClass }, b: { lit?: string; cls?: CharClass }): boolean {
  if (a.lit !== undefined && b.lit !== undefined) return a.lit === b.lit;
  const lit = a.lit ?? b.lit;
  const cls = a.cls === 'noSlash' || b.cls === 'noSlash' ? 'noSlash' : 'any';
  if (lit !== undefined) return cls === 'any' || lit !== '/';
  return true;
}

/** Is there a string that both token sequences match? Product automaton search, O(|a|·|b|) states. */
function intersects(a: Token[], b: Token[]): boolean {
  const n = a.length, m = b.length;
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const id = i * (m + 1) + j;
    if (seen[id]) continue;
    seen[id] = 1;
    if (i === n && j === m) return true;
    // Stars may match nothing.
    if (i < n && a[i].kind === 'star') stack.push([i + 1, j]);
    if (j < m && b[j].kind === 'star') stack.push([i, j + 1]);
    if (i < n && j < m && setsMeet(charSet(a[i]), charSet(b[j]))) {
      stack.push([a[i].kind === 'star' ? i : i + 1, b[j].kind === 'star' ? j : j + 1]);
    }
  }
  return false;
}

function fieldsIntersect(policyField: string, formatField: string, strict: boolean): boolean {
  return intersects(policyTokens(policyField), formatTokens(formatField, strict));
}

export interface ResourceTypeMatch {
  /** The service's resource types the ARN can name. */
  matches: ResourceTypeInfo[];
  /**
   * When nothing matches: the types whose resource part matches but whose partition, region or
   * account field does not (an S3 bucket ARN written with a Region), with the fields at fault.
   */
  nearMisses: Array<{ type: ResourceTypeInfo; fields: ArnFieldName[] }>;
}

const matchCache = new Map<string, ResourceTypeMatch>();

/**
 * The resource types of the ARN's service that it can name. Placeholders are first taken not to
 * contain `/` (so `my-bucket/*` is an S3 object, not a bucket); when that finds nothing they may
 * (role paths, log groups named `/aws/sagemaker/...`).
 */
export function matchResourceTypes(arn: ParsedArn): ResourceTypeMatch {
  const cached = matchCache.get(arn.text);
  if (cached) return cached;
  const empty: ResourceTypeMatch = { matches: [], nearMisses: [] };
  if (/[*?$]/.test(arn.service)) return empty;
  const types = reference().resourceTypes(arn.service);
  let result = empty;
  for (const strict of [true, false]) {
    const matches: ResourceTypeInfo[] = [];
    const nearMisses: ResourceTypeMatch['nearMisses'] = [];
    for (const type of types) {
      const format = parseArn(type.arn);
      if (!format || !fieldsIntersect(arn.resource, format.resource, strict)) continue;
      const wrong = (['partition', 'region', 'account'] as const).filter((f) => !fieldsIntersect(arn[f], format[f], strict));
      if (wrong.length === 0) matches.push(type);
      else nearMisses.push({ type, fields: [...wrong] });
    }
    result = { matches, nearMisses };
    if (matches.length > 0) break;
  }
  if (matchCache.size > 2000) matchCache.clear();
  matchCache.set(arn.text, result);
  return result;
}

/** The field of the ARN under `offset` (an offset in the ARN text). */
export function fieldAt(arn: ParsedArn, offset: number): ArnFieldName | undefined {
  let found: ArnFieldName | undefined;
  for (const f of arn.fields) if (offset >= f.start) found = f.name;
  return offset <= arn.text.length ? found : undefined;
}
