/** Hovers on ARNs (Resource, NotResource, ARN-valued conditions) and on `"Resource": "*"`. */
import { fieldAt, matchResourceTypes, parseArn, PARTITIONS, type ArnField, type ParsedArn } from '../arn';
import { reference } from '../data/reference';
import { lookupElement } from '../data/elements';
import { rawStringContent } from '../locate';
import { ARN_PAGE, serviceReferenceLink } from '../serviceDocs';
import { statementActions } from '../statementActions';
import type { HoverContext } from './context';
import { elementOf, stringValue } from './context';
import { blocks, code, codeList, link, plural } from './format';

function isResourceValue(ctx: HoverContext): boolean {
  const el = elementOf(ctx);
  return !!ctx.loc.statement && (el === 'Resource' || el === 'NotResource') && ctx.loc.path.length <= 2;
}

function isConditionValue(ctx: HoverContext): boolean {
  return !!ctx.loc.statement && ctx.loc.path[0] === 'Condition' && (ctx.loc.path.length === 3 || ctx.loc.path.length === 4);
}

function fieldMeaning(field: ArnField, arn: ParsedArn): string {
  const v = field.value;
  const variable = /\$\{[^}]+\}/.test(v) ? ' (with a policy variable, resolved per request)' : '';
  switch (field.name) {
    case 'partition':
      return v === '*' ? 'any partition' : PARTITIONS[v] ?? (/[*?$]/.test(v) ? `pattern${variable}` : 'unknown partition');
    case 'service':
      return reference().serviceName(v) ?? (/[*?]/.test(v) ? 'any matching service' : 'unknown service prefix');
    case 'region':
      return v === '' ? 'none (a global resource)' : v === '*' ? 'any Region' : `the Region${variable}`;
    case 'account':
      if (v === '') return 'none';
      if (v === '*') return 'any account';
      if (v === 'aws') return 'AWS-owned (AWS managed resources)';
      return /^\d{12}$/.test(v) ? 'the account ID' : `the account${variable}`;
    case 'resource':
      return v === '*' ? `every resource of ${arn.service === '*' ? 'any service' : 'the service'}` : `resource type and ID${variable}`;
  }
}

/** The ARN's fields, the one under the cursor in bold, and the resource types it names. */
export function describeArn(arn: ParsedArn, cursorInArn: number | undefined, statementNote?: (types: string[]) => string | undefined): string {
  const ref = reference();
  const current = cursorInArn === undefined ? undefined : fieldAt(arn, cursorInArn);
  const rows = arn.fields.map((f) => {
    const label = f.name === current ? `**${f.name}**` : f.name;
    return `- ${label} ${f.value === '' ? '(empty)' : code(f.value)}: ${fieldMeaning(f, arn)}`;
  });
  const knownService = !/[*?$]/.test(arn.service) && ref.hasService(arn.service);
  let typesLine: string | undefined;
  let typeNames: string[] = [];
  let title = '**ARN**';
  if (knownService) {
    const serviceName = ref.serviceName(arn.service)!;
    const { matches, nearMisses } = matchResourceTypes(arn);
    typeNames = matches.map((t) => t.name);
    const all = ref.resourceTypes(arn.service).length;
    if (matches.length === 1) {
      title = `**ARN** · ${serviceName} ${code(matches[0].name)}`;
      typesLine = `Resource type ${code(matches[0].name)}: ${code(matches[0].arn)}`;
    } else if (matches.length > 1 && matches.length === all) {
      title = `**ARN** · every ${serviceName} resource`;
      typesLine = `Matches all ${all} resource types of ${serviceName}.`;
    } else if (matches.length > 1) {
      title = `**ARN** · ${serviceName}, ${plural(matches.length, 'resource type')}`;
      typesLine = matches.length <= 4
        ? `Matches resource types:\n${matches.map((t) => `- ${code(t.name)}: ${code(t.arn)}`).join('\n')}`
        : `Matches ${matches.length} resource types: ${codeList(typeNames, 12)}.`;
    } else if (nearMisses.length) {
      const miss = nearMisses[0];
      typesLine = `**Matches no ${serviceName} resource type**: the closest is ${code(miss.type.name)} (${code(miss.type.arn)}), but this ARN's ${miss.fields.join(' and ')} field${miss.fields.length > 1 ? 's do' : ' does'} not fit that format.`;
    } else {
      typesLine = `**Matches no ${serviceName} resource type** in the service authorization reference.`;
    }
  } else if (!/[*?$]/.test(arn.service)) {
    typesLine = `${code(arn.service)} is not a service prefix in the service authorization reference.`;
  }
  return blocks(
    title,
    rows.join('\n'),
    typesLine,
    statementNote?.(typeNames),
    knownService ? `${serviceReferenceLink(arn.service, 'resources')} · ${link('IAM: ARNs', ARN_PAGE)}` : link('IAM: ARNs', ARN_PAGE),
  );
}

/** For a Resource ARN: which of this statement's actions act on the types it names. */
function statementActionsNote(ctx: HoverContext, service: string) {
  return (types: string[]): string | undefined => {
    if (!isResourceValue(ctx) || types.length === 0) return undefined;
    const sa = statementActions(ctx.loc.statement!);
    if (sa.everything || sa.notAction || sa.actions.length === 0) return undefined;
    const wanted = new Set(types.map((t) => t.toLowerCase()));
    const ofService = sa.actions.filter((a) => a.service.toLowerCase() === service.toLowerCase());
    const acting = ofService.filter((a) => a.resourceTypes.some((r) => wanted.has(r.name.toLowerCase())));
    if (acting.length === sa.actions.length) return undefined;
    if (acting.length === 0) return `**None of this statement's ${plural(sa.actions.length, 'action')} act on this resource type**, so this entry grants nothing.`;
    const unscoped = sa.actions.filter((a) => a.resourceTypes.length === 0).length;
    const needStar = unscoped ? ` ${unscoped} of the others ${unscoped === 1 ? 'has' : 'have'} no resource-level permissions: only \`"Resource": "*"\` covers ${unscoped === 1 ? 'it' : 'them'}.` : '';
    return `Used by ${acting.length} of this statement's ${sa.actions.length} actions: ${codeList(acting.map((a) => `${a.service}:${a.name}`), 6)}.${needStar}`;
  };
}

export function arnHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  if (value === undefined || !(isResourceValue(ctx) || isConditionValue(ctx))) return undefined;
  const { start } = rawStringContent(ctx.text, ctx.loc.node);
  if (value === '*' && isResourceValue(ctx)) {
    const url = lookupElement('Resource')!.url;
    return blocks(
      '**`*`** · every resource',
      elementOf(ctx) === 'NotResource'
        ? 'In `NotResource`, `*` excludes every resource: the statement applies to nothing.'
        : 'The statement applies to all resources, in every account the caller can reach. Needed for actions without resource-level permissions; for the others, prefer ARNs.',
      link('IAM: Resource', url),
    );
  }
  const arn = parseArn(value);
  if (!arn) {
    if (!isResourceValue(ctx)) return undefined;
    return blocks(
      `**${code(value)}** · not an ARN`,
      /^arn:/i.test(value)
        ? 'Incomplete ARN: write `arn:partition:service:region:account:resource` (six colon-separated fields; region and account may be empty).'
        : 'Resource entries are ARNs (`arn:partition:service:region:account:resource`) or `*`.',
      link('IAM: ARNs', ARN_PAGE),
    );
  }
  // Offsets in the ARN map 1:1 to the raw text unless the string has escapes; then do not point at a field.
  const raw = ctx.text.slice(start, start + value.length);
  const cursor = raw === value ? ctx.offset - start : undefined;
  return describeArn(arn, cursor, statementActionsNote(ctx, arn.service));
}
