/**
 * ARN helpers shared by the section 3 rules (invalid-arn, arn-field-*, resource-type-mismatch,
 * unreplaced-placeholder): splitting an ARN into its six fields without being fooled by the colons
 * inside `${aws:username}`, IAM-style glob matching, and an index of the resource-type ARN formats
 * of the reference data by the service that appears in the ARN.
 */
import { TextCache } from '../textCache';
import { reference } from '../data/reference';

// ---- fields ----

export const FIELD_NAMES = ['prefix', 'partition', 'service', 'region', 'account', 'resource'] as const;
export type ArnFieldName = (typeof FIELD_NAMES)[number];

export interface ArnField {
  /** As written, variables included. */
  text: string;
  /** Offset of the field in the ARN text. */
  start: number;
  /** Contains `*` or `?` (not the `${*}` / `${?}` literals). */
  wildcard: boolean;
  /** Contains a `${...}` (a policy variable or a template parameter): an unknown value. */
  variable: boolean;
}

export interface ParsedArn {
  text: string;
  /** Exactly six when the ARN has at least six colon-separated parts (the resource keeps its colons). */
  fields: ArnField[];
}

/**
 * Where the fields of an ARN end, and which have wildcards or variables, without building any string: the
 * rules ask this of every Resource, and most ARNs need no more. One shared instance, refilled by each call.
 */
export interface ArnLayout {
  /** Number of fields (1 to 6). */
  count: number;
  /** `ends[i]`: offset just past field i (its colon, or the end of the text); field i starts at ends[i - 1] + 1. */
  readonly ends: Int32Array;
  /** Bit i: field i has a `*` or `?` outside `${...}`. */
  wildcards: number;
  /** Bit i: field i has a `${...}` (or a U+0001, which marks an unknown value in the engine's globs). */
  variables: number;
  /** Some character of the text, inside a variable or not, is whitespace (`\s`). */
  whitespace: boolean;
}

const newLayout = (): ArnLayout => ({ count: 0, ends: new Int32Array(6), wildcards: 0, variables: 0, whitespace: false });
const SHARED_LAYOUT = newLayout();
/** parseArn's own: a caller may hold the shared layout across a call that parses ARNs (reading the reference's formats). */
const PARSE_LAYOUT = newLayout();

/**
 * The layout parseArn splits by: the first five colons outside `${...}` (a colon inside a variable splits nothing). Fills and
 * returns one shared layout, valid until the next call.
 */
export function scanArn(text: string, layout: ArnLayout = SHARED_LAYOUT, headOnly = false): ArnLayout {
  layout.wildcards = 0;
  layout.variables = 0;
  layout.whitespace = false;
  let field = 0;
  // A `${` opens a variable only when a `}` follows somewhere: `\$\{[^}]*\}`, the engine's reading of a variable.
  let variableEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c <= 0x20 || c >= 0xa0) && isWhitespace(c)) layout.whitespace = true;
    if (i < variableEnd) {
      layout.variables |= 1 << field;
      continue;
    }
    if (c === 0x24 /* $ */ && text.charCodeAt(i + 1) === 0x7b /* { */) {
      const close = text.indexOf('}', i + 2);
      if (close >= 0) {
        variableEnd = close + 1;
        layout.variables |= 1 << field;
        continue;
      }
    }
    if (c === 0x3a /* : */ && field < 5) {
      layout.ends[field++] = i;
      if (headOnly && field === 5) break;
    }
    else if (c === 0x2a /* * */ || c === 0x3f /* ? */) layout.wildcards |= 1 << field;
    else if (c === 1) layout.variables |= 1 << field;
  }
  layout.ends[field] = text.length;
  layout.count = field + 1;
  return layout;
}

/** `/\s/` of JavaScript: ASCII whitespace, and the Unicode spaces, line terminators and BOM. */
export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * scanArn up to the colon before the resource part, for callers that need only the first five fields:
 * the resource part's wildcards and variables, and whitespace anywhere, are then not known.
 */
export function scanArnHead(text: string): ArnLayout {
  return scanArn(text, SHARED_LAYOUT, true);
}

/** The start of field `index` of the layout. */
export function fieldStart(layout: ArnLayout, index: number): number {
  return index === 0 ? 0 : layout.ends[index - 1] + 1;
}

/** Field `index` of the layout has no wildcard and no variable. */
export function isLiteralField(layout: ArnLayout, index: number): boolean {
  return ((layout.wildcards | layout.variables) & (1 << index)) === 0;
}

export function isEmptyField(layout: ArnLayout, index: number): boolean {
  return layout.ends[index] === fieldStart(layout, index);
}

/** The text of field `index` of the layout of `text`. */
export function fieldText(text: string, layout: ArnLayout, index: number): string {
  return text.slice(fieldStart(layout, index), layout.ends[index]);
}

/** Splits on the first five colons outside `${...}`. Fewer than six parts: `fields` has what there is. */
export function parseArn(text: string): ParsedArn {
  const layout = scanArn(text, PARSE_LAYOUT);
  const fields: ArnField[] = [];
  for (let i = 0; i < layout.count; i++) {
    const start = fieldStart(layout, i);
    fields.push({ text: text.slice(start, layout.ends[i]), start, wildcard: (layout.wildcards & (1 << i)) !== 0, variable: (layout.variables & (1 << i)) !== 0 });
  }
  return { text, fields };
}

export function fieldOf(arn: ParsedArn, name: ArnFieldName): ArnField {
  return arn.fields[FIELD_NAMES.indexOf(name)];
}

/**
 * The partitions an ARN can name. Not in the generated data: hand-kept from the IAM User Guide
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html) and the AWS SDKs'
 * partitions.json (the isolated and sovereign partitions).
 */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;

/** `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eu-isoe-west-1`, `eusc-de-east-1`, ... */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

// ---- globs: `*` / `?` (and unknown variables) against literals, case-insensitive ----

/** A run of any characters. */
export const ANY = '\u0001';
/** Exactly one character. */
export const ONE = '\u0002';

/** A glob's own `*` and `?` as the tokens ANY and ONE (no policy variables read: for action patterns and plain globs). */
export function markWildcards(glob: string): string {
  return glob.replace(/[*?]/g, (c) => (c === '*' ? ANY : ONE));
}

/**
 * A value written in a policy as a glob: `*` and `?` are wildcards, `${*}`/`${?}`/`${$}` are the
 * literal characters, any other `${...}` (policy variable, template parameter) is an unknown value,
 * so a wildcard too.
 */
export function policyGlob(text: string): string {
  return text
    .replace(/\$\{([^}]*)\}|[*?]/g, (m, inner: string | undefined) => {
      if (inner === undefined) return m === '*' ? ANY : ONE;
      if (inner === '*' || inner === '?' || inner === '$') return `\u0003${inner}`;
      return ANY;
    })
    .replace(/\u0003(.)/g, '$1')
    .toLowerCase();
}

/** A resource-type ARN format of the reference: `${Name}` and a literal `*` stand for any text. */
export function templateGlob(text: string): string {
  return text.replace(/\$\{[^}]*\}|\*/g, ANY).toLowerCase();
}

/** The part of a glob before its first wildcard. */
export function literalPrefix(glob: string): string {
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charCodeAt(i);
    if (c === 1 || c === 2) return glob.slice(0, i);
  }
  return glob;
}

/** The part of a glob after its last wildcard. */
function literalSuffix(glob: string): string {
  for (let i = glob.length - 1; i >= 0; i--) {
    const c = glob.charCodeAt(i);
    if (c === 1 || c === 2) return glob.slice(i + 1);
  }
  return glob;
}

const intersectCache = new Map<string, boolean>();

/** Is there a string both globs match? (A product-automaton search: at most (|a|+1)(|b|+1) states.) */
export function globsIntersect(a: string, b: string, pa = literalPrefix(a), pb = literalPrefix(b)): boolean {
  // Beyond any real ARN: not worth a large search, and "may match" keeps every rule silent.
  if (a.length > 2048 || b.length > 2048) return true;
  if (pa.length <= pb.length ? !pb.startsWith(pa) : !pa.startsWith(pb)) return false;
  if (pa.length === a.length && pb.length === b.length) return a === b;
  // Likewise the literal text after the last wildcard of each: most pairs of ARN patterns part at one end.
  const sa = literalSuffix(a);
  const sb = literalSuffix(b);
  if (sa.length <= sb.length ? !sb.endsWith(sa) : !sa.endsWith(sb)) return false;
  const key = `${a}\u0000${b}`;
  let result = intersectCache.get(key);
  if (result === undefined) {
    result = search(a, b);
    if (intersectCache.size > 20000) intersectCache.clear();
    intersectCache.set(key, result);
  }
  return result;
}

function search(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const seen = new Uint8Array((n + 1) * width);
  const stack = [0];
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (seen[state]) continue;
    seen[state] = 1;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === n && j === m) return true;
    const ca = i < n ? a[i] : undefined;
    const cb = j < m ? b[j] : undefined;
    if (ca === ANY) stack.push((i + 1) * width + j);
    if (cb === ANY) stack.push(i * width + j + 1);
    if (ca !== undefined && cb !== undefined) {
      const wildA = ca === ANY || ca === ONE;
      const wildB = cb === ANY || cb === ONE;
      if (wildA || wildB || ca === cb) stack.push((ca === ANY ? i : i + 1) * width + (cb === ANY ? j : j + 1));
    }
  }
  return false;
}

// ---- the resource-type ARN formats of the reference, by the service named in the ARN ----

/** none: the format leaves the field empty; required: it has a value; any: `*` (either). */
export type FieldNeed = 'none' | 'required' | 'any';

export interface ArnFormat {
  /** The ARN format as in the data: arn:${Partition}:s3:::${BucketName} */
  arn: string;
  /** Resource type name and the service table it comes from. */
  resourceType: string;
  tableService: string;
  region: FieldNeed;
  account: FieldNeed;
  /** The account field when it is a literal (`aws` for AWS managed policies). */
  literalAccount?: string;
  serviceGlob: string;
  resourceGlob: string;
  /** literalPrefix(resourceGlob) */
  resourcePrefix: string;
}

/** By field; any text a document puts there is asked for, so bounded (the real fields are a few hundred). */
const formatIndex = new TextCache<ArnFormat[]>(2000);

function need(text: string): FieldNeed {
  if (text === '') return 'none';
  if (text === '*') return 'any';
  return 'required';
}

/**
 * The formats whose ARN service field is `field` (lower-cased; `*` for those with a placeholder there).
 * Built per field on first use, from only the service tables that have such ARNs (`s3` also holds ssm's
 * `bucket` row): a document names a few services, and building all ~450 tables cost the CLI ~80 ms.
 */
export function arnFormatsFor(field: string): ArnFormat[] | undefined {
  const formats = formatIndex.get(field, buildFormats);
  return formats.length > 0 ? formats : undefined;
}

function buildFormats(field: string): ArnFormat[] {
  const ref = reference();
  const seen = new Set<string>();
  const formats: ArnFormat[] = [];
  for (const service of ref.servicesWithArnField(field)) {
    for (const rt of ref.resourceTypes(service)) {
      if (seen.has(rt.arn)) continue;
      const parsed = parseArn(rt.arn);
      if (parsed.fields.length < 6) continue;
      const [, , svc, region, account, resource] = parsed.fields.map((f) => f.text);
      if ((svc.includes('${') ? '*' : svc.toLowerCase()) !== field) continue;
      seen.add(rt.arn);
      formats.push({
        arn: rt.arn,
        resourceType: rt.name,
        tableService: service,
        region: need(region),
        account: need(account),
        ...(account !== '' && !account.includes('${') && account !== '*' ? { literalAccount: account } : {}),
        serviceGlob: templateGlob(svc),
        resourceGlob: templateGlob(resource),
        resourcePrefix: literalPrefix(templateGlob(resource)),
      });
    }
  }
  return formats;
}

/** The formats of the ARN's service whose resource part can match the ARN's resource part. */
export function candidateFormats(arn: ParsedArn): ArnFormat[] | undefined {
  const service = fieldOf(arn, 'service');
  if (service.wildcard || service.variable) return undefined;
  const all = arnFormatsFor(service.text.toLowerCase());
  if (!all) return undefined;
  // Keyed by the whole ARN, which is a string already, rather than by its service and resource part, which
  // would have to be joined into a new one on every call.
  return candidateCache.get(arn.text, matchingFormats, all);
}

const candidateCache = new TextCache<ArnFormat[]>(10_000);

function matchingFormats(text: string, all: readonly ArnFormat[]): ArnFormat[] {
  const resource = policyGlob(fieldOf(parseArn(text), 'resource').text);
  const prefix = literalPrefix(resource);
  return all.filter((f) => globsIntersect(f.resourceGlob, resource, f.resourcePrefix, prefix));
}
