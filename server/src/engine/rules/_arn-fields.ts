/** Shared by arn-field-not-allowed and arn-field-missing: what the reference says about an ARN's Region and account fields. */
import type { PolicyDocument, ValueItem } from '../parse/model';
import { candidateFormats, fieldOf, parseArn, type ArnField, type ArnFormat, type ParsedArn } from './_arn';

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

/** Resource and NotResource ARNs whose Region/account field every matching ARN format agrees on. */
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

const verdictCache = new WeakMap<PolicyDocument, FieldVerdict[]>();

export function fieldVerdicts(doc: PolicyDocument): FieldVerdict[] {
  let cached = verdictCache.get(doc);
  if (!cached) verdictCache.set(doc, (cached = computeVerdicts(doc)));
  return cached;
}

function computeVerdicts(doc: PolicyDocument): FieldVerdict[] {
  const result: FieldVerdict[] = [];
  for (const s of doc.statements) {
    for (const item of [...s.resources, ...s.notResources]) {
      if (item.node.type !== 'string' || item.text === undefined || !item.text.startsWith('arn:')) continue;
      const arn = parseArn(item.text);
      if (arn.fields.length < 6) continue;
      const formats = candidateFormats(arn);
      if (!formats || formats.length === 0) continue;
      for (const name of ['region', 'account'] as const) {
        const field = fieldOf(arn, name);
        if (field.wildcard || field.variable) continue;
        if (formats.every((f) => f[name] === 'none')) result.push({ item, arn, name, field, formats, verdict: 'none' });
        else if (formats.every((f) => f[name] === 'required') && !(name === 'account' && formats.some((f) => AWS_OWNED.has(`${f.tableService}/${f.resourceType}`))))
          result.push({ item, arn, name, field, formats, verdict: 'required' });
      }
    }
  }
  return result;
}

/** `bucket (arn:${Partition}:s3:::${BucketName})`, for messages. */
export function describeFormats(formats: readonly ArnFormat[], max = 2): string {
  const shown = formats.slice(0, max).map((f) => `${f.resourceType}: ${f.arn}`);
  return shown.join('; ') + (formats.length > max ? '; ...' : '');
}
