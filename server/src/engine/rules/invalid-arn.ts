import { reference } from '../data/reference';
import { replaceString } from '../edits';
import type { ValueItem } from '../parse/model';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';
import { arnFormatsFor, fieldOf, fieldStart, fieldText, isEmptyField, isLiteralField, parseArn, PARTITIONS, REGION_PATTERN, scanArn, type ArnField } from './_arn';
import { placeholdersIn } from './_placeholder';
import { notResourceFacts, resourceFacts, resourceTextMemo, type ResourceText } from './_resource-texts';
import { replaceIn, spanIn } from './_span';
import { didYouMean } from './_util';

interface Problem {
  /** Span in the value; undefined: the whole string. */
  start?: number;
  length?: number;
  message: string;
  fixes?: Fix[];
}

const FORMAT = 'arn:partition:service:region:account-id:resource';
let knownServices: Set<string> | undefined;

/** Services an ARN can name: the ones in the reference's ARN formats, and the action prefixes. */
function arnServices(): Set<string> {
  return (knownServices ??= new Set([...reference().arnServiceFields(), ...reference().services()]));
}

/** Bucket-name-like text in a statement whose actions are all S3: the ARN it probably means. */
function s3Suggestion(text: string, actions: readonly ValueItem[]): string | undefined {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(text)) return undefined;
  const texts = actions.map((a) => a.text);
  if (texts.length === 0 || !texts.every((t) => t !== undefined && /^s3:/i.test(t))) return undefined;
  return `arn:aws:s3:::${text}`;
}

function diagnose(text: string, docText: string, item: ValueItem, actions: readonly ValueItem[]): Problem | undefined {
  if (text === '*') return undefined;
  // A template value (`${BucketArn}`, `${AWS::...}`), or API Gateway's execute-api:/stage/... shorthand.
  if (text.startsWith('${') || text.startsWith('execute-api:')) return undefined;
  if (text !== text.trim()) {
    return { message: `"${text}" has leading or trailing whitespace: IAM compares it literally, so it matches no ARN.`, fixes: [{ title: 'Remove the whitespace', edits: [replaceString(item.node, text.trim())], preferred: true }] };
  }
  if (!text.startsWith('arn:')) {
    if (/^arn:/i.test(text)) {
      return { start: 0, length: 3, message: `"${text}" starts with "${text.slice(0, 3)}": an ARN starts with lower-case "arn:".`, fixes: [{ title: 'Write "arn:"', edits: [replaceIn(docText, item.node, 0, 3, 'arn')], preferred: true }] };
    }
    const s3 = s3Suggestion(text, actions);
    return {
      message: `"${text}" is not an ARN: Resource takes ARNs (${FORMAT}) or "*". IAM rejects the policy.${s3 ? ` For an S3 bucket or object write "${s3}".` : ''}`,
      fixes: s3 ? [{ title: `Change to "${s3}"`, edits: [replaceString(item.node, s3)], preferred: true }] : [],
    };
  }
  const placeholders = placeholdersIn(text);
  const outsidePlaceholders = placeholders.reduceRight((t, p) => t.slice(0, p.start) + t.slice(p.start + p.length), text);
  if (/\s/.test(outsidePlaceholders.replace(/\$\{[^}]*\}/g, ''))) return { message: `"${text}" contains whitespace: no ARN does, so it matches nothing.` };

  const arn = parseArn(text);
  if (arn.fields.length < 6) {
    // A wildcard can stand for the missing colons (arn:aws:s3:::* is fine, and so is arn:aws:*).
    if (arn.fields.some((f) => f.wildcard)) return undefined;
    return { message: `"${text}" has ${arn.fields.length} colon-separated parts; an ARN has 6 (${FORMAT}), with empty parts kept (arn:aws:s3:::bucket). IAM rejects the policy.` };
  }
  const decidable = (f: ArnField) => !f.wildcard && !f.variable && !placeholders.some((p) => p.start < f.start + Math.max(f.text.length, 1) && f.start < p.start + p.length);
  const at = (f: ArnField) => ({ start: f.start, length: f.text.length });

  const partition = fieldOf(arn, 'partition');
  if (partition.text === '') return { message: `"${text}" has an empty partition: write arn:aws:... (or aws-cn, aws-us-gov).` };
  if (decidable(partition) && !(PARTITIONS as readonly string[]).includes(partition.text)) {
    const near = didYouMean(partition.text, PARTITIONS, 1)[0] ?? (partition.text.toLowerCase() === 'aws' ? 'aws' : undefined);
    return {
      ...at(partition),
      message: `"${partition.text}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...): the ARN matches nothing.${near ? ` Did you mean "${near}"?` : ''}`,
      fixes: near ? [{ title: `Change the partition to "${near}"`, edits: [replaceIn(docText, item.node, partition.start, partition.text.length, near)], preferred: true }] : [],
    };
  }

  const service = fieldOf(arn, 'service');
  if (service.text === '') return { message: `"${text}" has no service (the third part, e.g. arn:aws:s3:::bucket).` };
  if (decidable(service)) {
    const lower = service.text.toLowerCase();
    if (service.text !== lower && arnServices().has(lower)) {
      return {
        ...at(service),
        message: `The service "${service.text}" in an ARN is lower case ("${lower}"): ARNs are case-sensitive, so this one matches nothing.`,
        fixes: [{ title: `Change to "${lower}"`, edits: [replaceIn(docText, item.node, service.start, service.text.length, lower)], preferred: true }],
      };
    }
    if (!/^[a-z0-9-]+$/.test(service.text)) return { ...at(service), message: `"${service.text}" is not a service name: ARN services have only lower-case letters, digits and hyphens.` };
    if (!arnServices().has(lower)) {
      const near = didYouMean(lower, arnServices(), 3);
      return {
        ...at(service),
        message: `No AWS service uses "${service.text}" in its ARNs (per the Service Authorization Reference), so this ARN matches nothing.${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`,
        fixes: near.map((n) => ({ title: `Change the service to "${n}"`, edits: [replaceIn(docText, item.node, service.start, service.text.length, n)], ...(near.length === 1 ? { preferred: true } : {}) })),
      };
    }
  }

  const region = fieldOf(arn, 'region');
  if (region.text !== '' && decidable(region) && !REGION_PATTERN.test(region.text)) {
    return { ...at(region), message: `"${region.text}" is not a Region code (us-east-1, eu-west-2, ...): the ARN matches nothing. Use "*" for any Region.` };
  }

  const account = fieldOf(arn, 'account');
  if (account.text !== '' && decidable(account) && !/^\d{12}$/.test(account.text)) {
    const literal = (arnFormatsFor(service.text.toLowerCase()) ?? []).some((f) => f.literalAccount === account.text);
    if (account.text !== 'aws' && !literal) {
      const digits = /^\d+$/.test(account.text) ? ` (it has ${account.text.length} digits)` : '';
      return { ...at(account), message: `The account "${account.text}" is not a 12-digit AWS account ID${digits}: the ARN matches no resource. Write the account ID (digits only, no hyphens), or "*".` };
    }
  }

  // A trailing `*` of a segment can expand beyond the colons (IAM User Guide, Resource element): with a wildcard elsewhere, an empty resource part is not decidable.
  if (fieldOf(arn, 'resource').text === '' && !arn.fields.some((f) => f.wildcard)) return { message: `"${text}" has an empty resource part (after the fifth colon): it matches nothing. Name the resource, e.g. arn:aws:s3:::bucket or ...:role/name.` };
  return undefined;
}

/**
 * True when the ARN passes every check of `diagnose`, judged without its placeholders (which only make
 * fields undecidable, so fewer checks apply): nearly every ARN, decided without building strings.
 */
function plainlyValid(text: string): boolean {
  const layout = scanArn(text);
  if (layout.whitespace) return false;
  if (layout.count < 6) return layout.wildcards !== 0;
  if (isEmptyField(layout, 1)) return false;
  const awsPartition = layout.ends[1] === 7 && text.startsWith('aws', 4);
  if (!awsPartition && isLiteralField(layout, 1) && !(PARTITIONS as readonly string[]).includes(fieldText(text, layout, 1))) return false;
  if (isEmptyField(layout, 2)) return false;
  if (isLiteralField(layout, 2)) {
    const service = fieldText(text, layout, 2);
    if (!/^[a-z0-9-]+$/.test(service) || !arnServices().has(service)) return false;
  }
  if (!isEmptyField(layout, 3) && isLiteralField(layout, 3) && !REGION_PATTERN.test(fieldText(text, layout, 3))) return false;
  if (!isEmptyField(layout, 4) && isLiteralField(layout, 4) && !isAccountId(text, fieldStart(layout, 4), layout.ends[4]) && fieldText(text, layout, 4) !== 'aws') return false;
  return !isEmptyField(layout, 5) || layout.wildcards !== 0;
}

/**
 * Can diagnose find a problem with the text? Not with `"*"` (a third of the entries) nor with a plainly valid
 * ARN (nearly all the others). Kept with the text's other facts: ARNs repeat across statements and documents.
 */
const mayBeInvalid = resourceTextMemo((t): boolean => t.text !== '*' && !(t.text.startsWith('arn:') && plainlyValid(t.text)));

/** Twelve digits from `start` to `end`. */
function isAccountId(text: string, start: number, end: number): boolean {
  if (end - start !== 12) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** `facts`: those of the items (see _resource-texts), undefined for an item that is not a string. */
function checkItems(items: readonly ValueItem[], facts: ReadonlyArray<ResourceText | undefined>, docText: string, actions: readonly ValueItem[], report: RuleContext['report']): void {
  for (let i = 0; i < items.length; i++) {
    const fact = facts[i];
    if (fact === undefined || !mayBeInvalid(fact)) continue;
    const item = items[i];
    const problem = diagnose(fact.text, docText, item, actions);
    if (!problem) continue;
    const span = problem.start !== undefined ? spanIn(docText, item.node, problem.start, problem.length ?? 0) : { offset: item.node.offset, length: item.node.length };
    report({ ...span, message: problem.message, fixes: problem.fixes ?? [] });
  }
}

export const rule: Rule = {
  id: 'invalid-arn',
  defaultSeverity: 'error',
  summary: 'A Resource/NotResource that is not a valid ARN: too few parts, unknown partition or service, upper-case service, malformed Region or account.',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      checkItems(s.resources, resourceFacts(s), doc.text, s.actions, report);
      checkItems(s.notResources, notResourceFacts(s), doc.text, s.actions, report);
    }
  },
};
