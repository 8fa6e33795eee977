/**
 * Heuristics for documentation placeholders left in policy values (unreplaced-placeholder), shared
 * with invalid-arn so that a placeholder in an ARN field is reported once, as a placeholder.
 * Every heuristic is listed in docs/rules/unreplaced-placeholder.md; each aims at text no real
 * account, Region, bucket or key would have.
 */
import { TextCache } from '../textCache';
import { reference } from '../data/reference';
import { fieldOf, fieldStart, fieldText, isEmptyField, isLiteralField, parseArn, REGION_PATTERN, scanArn, type ArnLayout } from './_arn';
import { resourceTextMemo } from './_resource-texts';

export interface Placeholder {
  /** Offset and length in the value. */
  start: number;
  length: number;
  text: string;
  /** What to write instead, for the message. */
  instead: string;
}

export interface PlaceholderOptions {
  /** The value is the template of a CloudFormation Fn::Sub: `${Name}` there is a Sub parameter. */
  sub?: boolean;
}

const ACCOUNT = 'your 12-digit account ID';
const REGION = 'a Region such as us-east-1 (or * for any Region)';

/** AWS documentation account IDs: 111122223333, 444455556666, 777788889999 (three runs of four equal digits), 123456789012. */
export function isDocumentationAccount(id: string): boolean {
  return /^(\d)\1{3}(\d)\2{3}(\d)\3{3}$/.test(id) || id === '123456789012';
}

/** `account-id`, `AccountX`, `ACCOUNT_ID`, `your-account`, `<account>`...: an account field nobody really has. */
export function isAccountWord(text: string): boolean {
  if (/^(aws|\d{12})$/.test(text) || /[*?$]/.test(text)) return false;
  return /acc(oun)?t|acct|your|owner|number|^x{3,}$/i.test(text);
}

function insteadFor(text: string): string {
  if (/acc(oun)?t|acct/i.test(text)) return ACCOUNT;
  if (/region/i.test(text)) return REGION;
  if (/bucket/i.test(text)) return 'the bucket name';
  if (/kms|key/i.test(text)) return 'the key ARN or ID';
  if (/role/i.test(text)) return 'the role name';
  if (/partition/i.test(text)) return '"aws" (or ${AWS::Partition} in a CloudFormation template)';
  return 'the real value';
}

// ---- placeholder names of the reference's ARN formats (BucketName, KeyId, UserProfileName, ...) ----

const normalize = (text: string) => text.toLowerCase().replace(/[-_ ]/g, '');

/** A path segment written like a placeholder name: `bucket-name`, `BucketName`, `BUCKET_NAME`, `user_profile_name`. */
function isReferenceName(segment: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/.test(segment)) return false;
  const compound = /[-_]/.test(segment) || /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(segment);
  return compound && reference().arnPlaceholderNames().has(normalize(segment));
}

// ---- the scan ----

/** Placeholders in a value, without overlaps, in order. */
/** Cheap pre-test: a value none of the generic heuristics can fire on. */
const GENERIC_TRIGGER = /[<{]|\d{12}|EXAMPLE|amzn-s3-demo-|1234abcd-|your|acc(?:oun)?t/i;

export function placeholdersIn(text: string, options: PlaceholderOptions = {}): readonly Placeholder[] {
  // Two rules ask about every value, and values repeat across statements and documents: one lookup
  // costs less than even the pre-check of an ARN, which reads every character.
  return options.sub ? subCache.get(text, scanSub) : plainCache.get(text, scanPlain);
}
const plainCache = new TextCache<readonly Placeholder[]>(10_000);
const subCache = new TextCache<readonly Placeholder[]>(10_000);
const scanPlain = (text: string) => (mayHavePlaceholders(text) ? scanPlaceholders(text, {}) : NONE);
const scanSub = (text: string) => (mayHavePlaceholders(text) ? scanPlaceholders(text, { sub: true }) : NONE);
const NONE: readonly Placeholder[] = []; // not frozen: see IamReference on frozen arrays

/** placeholdersIn of a Resource/NotResource text (not an Fn::Sub template), kept with the text's other facts. */
export const resourcePlaceholders = resourceTextMemo((t): readonly Placeholder[] => scanPlain(t.text));

/**
 * False when scanPlaceholders finds nothing, whatever its options, decided without building strings for
 * nearly every value: no generic trigger, and an ARN whose fields hold no word a placeholder needs.
 */
function mayHavePlaceholders(text: string): boolean {
  if (GENERIC_TRIGGER.test(text)) return true;
  return text.startsWith('arn:') && arnMayHavePlaceholders(text);
}

/** A superset of what arnPlaceholders can find (it decides exactly when this says maybe). */
function arnMayHavePlaceholders(text: string): boolean {
  const layout = scanArn(text);
  if (layout.count < 6) return false;
  const awsPartition = layout.ends[1] === 7 && text.startsWith('aws', 4);
  if (!awsPartition && isPlainField(layout, 1) && /partition/i.test(fieldText(text, layout, 1))) return true;
  if (isPlainField(layout, 3) && /region/i.test(fieldText(text, layout, 3))) return true;
  if (isPlainField(layout, 4) && !isDigits(text, fieldStart(layout, 4), layout.ends[4]) && isAccountWord(fieldText(text, layout, 4))) return true;
  const resourceStart = fieldStart(layout, 5);
  if (resourceMayNamePlaceholder(text, resourceStart)) return true;
  // An upper-case S3 bucket name (see arnPlaceholders).
  const s3 = layout.ends[2] - fieldStart(layout, 2) === 2 && text.startsWith('s3', fieldStart(layout, 2));
  return s3 && layout.ends[3] === fieldStart(layout, 3) && layout.ends[4] === fieldStart(layout, 4) && hasUpperCase(text, resourceStart);
}

/** Not empty, no wildcard, no variable: as `plain` in arnPlaceholders. */
function isPlainField(layout: ArnLayout, index: number): boolean {
  return isLiteralField(layout, index) && !isEmptyField(layout, index);
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function hasUpperCase(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/**
 * Could a segment (between `/` and `:`) of the resource part be a reference placeholder name (see
 * isReferenceName)? In one pass over the characters: a segment of letters, digits, `-` and `_` that starts
 * with a letter, is compound (a `-`, a `_`, or a second capital after a first) and whose normalized hash is
 * one of the names' (a bit table built once from the reference) is looked up for real; nearly none are.
 */
function resourceMayNamePlaceholder(text: string, start: number): boolean {
  const table = (nameHashes ??= buildNameHashes());
  let segmentStart = start;
  let shaped = true;
  let compound = false;
  let firstUpper = false;
  let hash = 0;
  for (let i = start; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2f;
    if (c === 0x2f /* / */ || c === 0x3a /* : */) {
      if (i > segmentStart && shaped && compound && table[hash & HASH_MASK] === 1 && isReferenceName(text.slice(segmentStart, i))) return true;
      segmentStart = i + 1;
      shaped = true;
      compound = false;
      hash = 0;
      continue;
    }
    if (!shaped) continue;
    const upper = c >= 0x41 && c <= 0x5a;
    const letter = upper || (c >= 0x61 && c <= 0x7a);
    if (i === segmentStart) {
      shaped = letter;
      firstUpper = upper;
    } else if (c === 0x2d || c === 0x5f) {
      compound = true;
      continue; // not part of the normalized name
    } else if (upper) compound ||= firstUpper;
    else if (!letter && !(c >= 0x30 && c <= 0x39)) shaped = false;
    // Lower-cased: the segment is ASCII when it is shaped.
    hash = nextHash(hash, upper ? c | 0x20 : c);
  }
  return false;
}

let nameHashes: Uint8Array | undefined;
const HASH_MASK = 0xffff;

function nextHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The hashes of the reference's placeholder names, which are normalized (lower case, no `-`, `_` or space). */
function buildNameHashes(): Uint8Array {
  const table = new Uint8Array(HASH_MASK + 1);
  for (const name of reference().arnPlaceholderNames()) {
    let hash = 0;
    for (let i = 0; i < name.length; i++) hash = nextHash(hash, name.charCodeAt(i));
    table[hash & HASH_MASK] = 1;
  }
  return table;
}


function scanPlaceholders(text: string, options: PlaceholderOptions): Placeholder[] {
  const isArn = text.startsWith('arn:');
  if (!isArn && !GENERIC_TRIGGER.test(text)) return [];
  const found: Placeholder[] = [];
  const add = (start: number, length: number, instead: string) => {
    if (length <= 0) return;
    if (found.some((p) => start < p.start + p.length && p.start < start + length)) return;
    found.push({ start, length, text: text.slice(start, start + length), instead });
  };
  const each = (re: RegExp, instead: (m: RegExpMatchArray) => string | undefined) => {
    for (const m of text.matchAll(re)) {
      const i = instead(m);
      if (i !== undefined) add(m.index!, m[0].length, i);
    }
  };

  if (GENERIC_TRIGGER.test(text)) {
    // Each scan below runs only when its cheap trigger is in the text: most values have none of them.
    const lower = text.toLowerCase();
    // <ACCOUNT_ID>, <S3 BucketName>, <your-role>
    if (text.includes('<')) each(/<[^<>\s][^<>]{0,60}>/g, (m) => insteadFor(m[0]));
    // An ARN format copied from the Service Authorization Reference: arn:${Partition}:sagemaker:${Region}:${Account}:...
    if (!options.sub && text.includes('arn:${Partition}:')) each(/\$\{([A-Za-z][A-Za-z0-9]*)\}/g, (m) => (m[1] === 'Region' || m[1] === 'Account' || m[1] === 'Partition' ? insteadFor(m[1]) : `the ${words(m[1])}`));
    // {AccountId}, {bucket}: braces without the $ of a variable (a variable name has a colon).
    if (text.includes('{')) each(/(?<![$\w{])\{([A-Za-z][\w-]*)\}(?!\})/g, (m) => insteadFor(m[1]));
    // AWS documentation account IDs.
    each(/(?<!\d)\d{12}(?!\d)/g, (m) => (isDocumentationAccount(m[0]) ? `${ACCOUNT} (${m[0]} is an example account of the AWS documentation)` : undefined));
    // AROAEXAMPLEID, AKIAIOSFODNN7EXAMPLE, DOC-EXAMPLE-BUCKET, a1b2c3d4-5678-90ab-cdef-EXAMPLE11111
    if (text.includes('EXAMPLE')) each(/[A-Za-z0-9-]*EXAMPLE[A-Za-z0-9-]*/g, (m) => insteadFor(m[0]));
    // amzn-s3-demo-bucket: the documentation's bucket names since 2024.
    if (text.includes('amzn-s3-demo-')) each(/amzn-s3-demo-[a-z0-9.-]*/g, () => 'your bucket name');
    // The KMS documentation's key ID.
    if (text.includes('1234abcd-')) each(/1234abcd-12ab-34cd-56ef-1234567890ab/g, () => 'your key ID');
    // your_KMS_key_ARN, YourBucket, your-bucket-name, YOUR_ACCOUNT
    if (lower.includes('your')) each(/(?<![A-Za-z0-9])(?:[Yy]our(?=[-_ A-Z])|YOUR(?=[-_ ]))[A-Za-z0-9_-]*/g, (m) => insteadFor(m[0]));
    // The whole value is an account word: "account-id", "AccountX", "ACCOUNT_ID" (but not "Account", an aws:PrincipalType value).
    if (text.length <= 20 && /acc(?:oun)?t/i.test(text)) each(/^(?:aws[-_ ]?)?(?:account|acct)[-_ ]?(?:id|number|no|[A-Z0-9])$/gi, () => ACCOUNT);
  }
  if (isArn) arnPlaceholders(text, add);
  return found.sort((a, b) => a.start - b.start);
}

/** `UserProfileName` -> `user profile name`. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function arnPlaceholders(text: string, add: (start: number, length: number, instead: string) => void): void {
  const arn = parseArn(text);
  if (arn.fields.length < 6) return;
  const plain = (name: 'partition' | 'region' | 'account') => {
    const f = fieldOf(arn, name);
    return f.wildcard || f.variable || f.text === '' ? undefined : f;
  };
  const partition = plain('partition');
  if (partition && /partition/i.test(partition.text)) add(partition.start, partition.text.length, '"aws"');
  const region = plain('region');
  if (region && !REGION_PATTERN.test(region.text) && /region/i.test(region.text)) add(region.start, region.text.length, REGION);
  const account = plain('account');
  if (account && isAccountWord(account.text)) add(account.start, account.text.length, ACCOUNT);

  const resource = fieldOf(arn, 'resource');
  let offset = resource.start;
  for (const segment of resource.text.split(/([/:])/)) {
    if (segment !== '/' && segment !== ':' && isReferenceName(segment)) add(offset, segment.length, `the real ${words(segment.replace(/[-_]/g, ' '))}`);
    offset += segment.length;
  }
  // S3 bucket names are lower case: arn:aws:s3:::UserBucket/* names a bucket that cannot exist.
  const service = fieldOf(arn, 'service');
  if (service.text === 's3' && fieldOf(arn, 'region').text === '' && fieldOf(arn, 'account').text === '') {
    const bucket = resource.text.split('/')[0];
    if (/[A-Z]/.test(bucket) && /^[A-Za-z0-9.-]+$/.test(bucket) && !/[*?$]/.test(bucket)) {
      add(resource.start, bucket.length, 'the bucket name (S3 bucket names are lower case, so this one cannot exist)');
    }
  }
}
