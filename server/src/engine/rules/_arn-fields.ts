/** Shared by arn-field-not-allowed and arn-field-missing: what the reference says about an ARN's Region and account fields. */
import { TextCache } from '../textCache';
import type { Statement, ValueItem } from '../parse/model';
import { arnFormatsFor, candidateFormats, fieldOf, fieldStart, parseArn, scanArnHead, type ArnField, type ArnFormat, type ArnLayout, type ParsedArn } from './_arn';
import { memo } from './_util';
import { notResourceFacts, resourceFacts, resourceTextMemo, type ResourceText } from './_resource-texts';

export interface FieldVerdict {
  item: ValueItem;
  arn: ParsedArn;
  name: 'region' | 'account';
  field: ArnField;
  /** The formats the ARN's resource part can match. */
  formats: ArnFormat[];
  /** 'none': every format leaves the field empty; 'required': every format fills it. */
  verdict: 'none' | 'required';
}

/**
 * Resource types of which AWS publishes shared, AWS-owned instances whose ARNs have an empty account
 * field, although the reference's format shows `${Account}`: SSM documents and Automation runbooks
 * (arn:aws:ssm:us-east-1::document/AWS-RunShellScript,
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/documents.html), SSM public parameters
 * (arn:aws:ssm:us-east-1::parameter/aws/service/...,
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters.html),
 * and Resource Explorer service views owned by AWS services (view/AWSServiceViewFor...). Hand-kept: the
 * data cannot say it. A missing account is not reported for these.
 */
const AWS_OWNED = new Set(['ssm/document', 'ssm/automation-definition', 'ssm/parameter', 'resource-explorer-2/view']);

const NO_VERDICTS: readonly FieldVerdict[] = []; // not frozen: see IamReference on frozen arrays

/**
 * The verdicts either rule reports, per statement: an empty field every matching format fills
 * ('required'), or a filled field every matching format leaves empty ('none'), in the order of the
 * Resource and NotResource entries, Region before account.
 */
export const fieldVerdicts: (statement: Statement) => readonly FieldVerdict[] = memo((s) => {
  const result = addVerdicts(s.notResources, notResourceFacts(s), addVerdicts(s.resources, resourceFacts(s), undefined));
  return result ?? NO_VERDICTS;
});

/** `facts`: those of the items (see _resource-texts), undefined for an item that is not a string. */
function addVerdicts(items: readonly ValueItem[], facts: ReadonlyArray<ResourceText | undefined>, result: FieldVerdict[] | undefined): FieldVerdict[] | undefined {
  for (let i = 0; i < items.length; i++) {
    const fact = facts[i];
    const found = fact === undefined ? null : arnVerdicts(fact);
    if (found) for (const verdict of found) (result ??= []).push({ item: items[i], ...verdict });
  }
  return result;
}

type ArnVerdict = Omit<FieldVerdict, 'item'>;

/**
 * The verdicts on an ARN text (null: none, nearly always), kept with the text's other facts: ARNs repeat across
 * statements and documents. Most ARNs are decided by their first five fields (mayHaveVerdict).
 */
const arnVerdicts = resourceTextMemo((t): readonly ArnVerdict[] | null => (t.text.startsWith('arn:') && mayHaveVerdict(t.text) ? verdictsOf(t.text) : null));

function verdictsOf(text: string): readonly ArnVerdict[] | null {
  const arn = parseArn(text);
  const formats = candidateFormats(arn);
  if (!formats || formats.length === 0) return null;
  let result: ArnVerdict[] | null = null;
  for (const name of ['region', 'account'] as const) {
    const field = fieldOf(arn, name);
    if (field.wildcard || field.variable) continue;
    if (field.text !== '' && formats.every((f) => f[name] === 'none')) (result ??= []).push({ arn, name, field, formats, verdict: 'none' });
    else if (field.text === '' && formats.every((f) => f[name] === 'required') && !(name === 'account' && formats.some((f) => AWS_OWNED.has(`${f.tableService}/${f.resourceType}`))))
      (result ??= []).push({ arn, name, field, formats, verdict: 'required' });
  }
  return result;
}

/**
 * Could a verdict be reported for this ARN, judging by its service's formats alone? Every format that
 * matches it must agree, and a format whose resource part is only a placeholder (s3's `${BucketName}`)
 * matches every ARN: most ARNs are decided here, without matching their resource part against each format.
 */
function mayHaveVerdict(text: string): boolean {
  // Fields 2 to 4 are all it reads.
  const layout = scanArnHead(text);
  if (layout.count < 6 || unknownField(layout, SERVICE)) return false;
  const facts = serviceFactsAt(text, fieldStart(layout, SERVICE), layout.ends[SERVICE]);
  if (!facts) return false;
  return mayReport(layout, REGION, facts.regionNone, facts.regionRequired) || mayReport(layout, ACCOUNT, facts.accountNone, facts.accountRequired);
}

const SERVICE = 2;
const REGION = 3;
const ACCOUNT = 4;

/** The field has a wildcard or a variable: no verdict on it. */
function unknownField(layout: ArnLayout, index: number): boolean {
  return ((layout.wildcards | layout.variables) & (1 << index)) !== 0;
}

function mayReport(layout: ArnLayout, index: number, nonePossible: boolean, requiredPossible: boolean): boolean {
  if (unknownField(layout, index)) return false;
  return layout.ends[index] === fieldStart(layout, index) ? requiredPossible : nonePossible;
}

interface ServiceFacts {
  regionNone: boolean;
  regionRequired: boolean;
  accountNone: boolean;
  accountRequired: boolean;
}

/** Keyed by the service field of the reference's ARN formats (reference data: a few hundred entries at most). */
const serviceFactCache = new TextCache<ServiceFacts | null>(2000);

/** The ARNs of a statement mostly name one service: the last one's facts are kept, to skip slicing and hashing it again. */
let lastService: string | undefined;
let lastFacts: ServiceFacts | undefined;

function serviceFactsAt(text: string, start: number, end: number): ServiceFacts | undefined {
  if (lastService === undefined || end - start !== lastService.length || !text.startsWith(lastService, start)) {
    lastService = text.slice(start, end);
    lastFacts = serviceFacts(lastService.toLowerCase());
  }
  return lastFacts;
}

function serviceFacts(service: string): ServiceFacts | undefined {
  return serviceFactCache.get(service, computeServiceFacts) ?? undefined;
}

function computeServiceFacts(service: string): ServiceFacts | null {
  const formats = arnFormatsFor(service);
  return formats ? factsOf(formats) : null;
}

function factsOf(formats: readonly ArnFormat[]): ServiceFacts {
  const matchesAll = formats.filter((f) => f.resourceGlob.length > 0 && /^\u0001+$/.test(f.resourceGlob));
  const possible = (name: 'region' | 'account', need: 'none' | 'required') => formats.some((f) => f[name] === need) && matchesAll.every((f) => f[name] === need);
  return {
    regionNone: possible('region', 'none'),
    regionRequired: possible('region', 'required'),
    accountNone: possible('account', 'none'),
    accountRequired: possible('account', 'required'),
  };
}

/** `bucket (arn:${Partition}:s3:::${BucketName})`, for messages. */
export function describeFormats(formats: readonly ArnFormat[], max = 2): string {
  const shown = formats.slice(0, max).map((f) => `${f.resourceType}: ${f.arn}`);
  return shown.join('; ') + (formats.length > max ? '; ...' : '');
}
