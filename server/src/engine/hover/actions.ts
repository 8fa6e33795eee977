/** Hovers on the entries of Action / NotAction: one action, or what a wildcard expands to. */
import { reference, type ActionInfo, type AccessLevel } from '../data/reference';
import { lookupElement } from '../data/elements';
import { hasWildcard } from '../match';
import { serviceReferenceLink, serviceReferenceUrl } from '../serviceDocs';
import type { HoverContext } from './context';
import { elementOf, stringValue } from './context';
import { blocks, code, codeList, link, plural } from './format';

export const ACCESS_ORDER: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const MAX_KEYS = 12;
/** Action names shown per access level in a wildcard's hover. */
const MAX_NAMES = 12;

function isActionValue(ctx: HoverContext): boolean {
  const el = elementOf(ctx);
  return !!ctx.loc.statement && (el === 'Action' || el === 'NotAction') && stringValue(ctx) !== undefined && ctx.loc.path.length <= 2;
}

/** The full hover of one action: what it does, its access level, resources, keys, dependencies. */
export function describeAction(action: ActionInfo): string {
  const ref = reference();
  const id = `${action.service}:${action.name}`;
  const description = ref.actionDescription(action.service, action.name);
  let resources: string;
  if (action.resourceTypes.length) {
    const rows = action.resourceTypes.map((rt) => {
      const arn = ref.resourceType(action.service, rt.name)?.arn;
      return `- ${code(rt.name)}${rt.required ? ' (required)' : ''}${arn ? `: ${code(arn)}` : ''}`;
    });
    resources = `**Resource types**\n${rows.join('\n')}`;
  } else {
    resources = 'No resource-level permissions: the statement needs `"Resource": "*"` for this action.';
  }
  const keys = ref.conditionKeysForAction(action);
  const dependent = [...new Set([...action.dependentActions, ...action.resourceTypes.flatMap((r) => r.dependentActions)])];
  return blocks(
    `**${id}** · ${action.accessLevel}`,
    description,
    resources,
    keys.length ? `**Condition keys**: ${codeList(keys, MAX_KEYS)} (plus the global \`aws:\` keys)` : undefined,
    dependent.length ? `**Dependent actions** (also needed for the call to succeed): ${codeList(dependent, MAX_KEYS)}` : undefined,
    link(`Service Authorization Reference: ${id}`, serviceReferenceUrl(action.service, { action: action.name })),
  );
}

export function actionHover(ctx: HoverContext): string | undefined {
  if (!isActionValue(ctx)) return undefined;
  const text = stringValue(ctx)!;
  if (hasWildcard(text)) return undefined;
  const ref = reference();
  const colon = text.indexOf(':');
  const actionUrl = lookupElement('Action')!.url;
  if (colon < 0) {
    return blocks(`**${code(text)}** · incomplete action`, 'An action is written `service:ActionName`, such as `sagemaker:CreatePresignedDomainUrl`.', link('IAM: Action', actionUrl));
  }
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!ref.hasService(service)) {
    return blocks(`**${code(text)}** · unknown service`, `${code(service)} is not a service prefix in the service authorization reference (data ${ref.source().version}). IAM accepts it silently and it matches nothing.`, link('IAM: Action', actionUrl));
  }
  const action = ref.action(service, name);
  if (!action) {
    return blocks(
      `**${code(text)}** · unknown action`,
      `${ref.serviceName(service)} has no action ${code(name)} in the service authorization reference (data ${ref.source().version}). IAM accepts it silently and it grants nothing.`,
      serviceReferenceLink(service, 'actions'),
    );
  }
  const notAction = elementOf(ctx) === 'NotAction' ? '\n\n_In `NotAction`: the statement covers every action except this one._' : '';
  return describeAction(action) + notAction;
}

export function wildcardActionHover(ctx: HoverContext): string | undefined {
  if (!isActionValue(ctx)) return undefined;
  const text = stringValue(ctx)!;
  if (!hasWildcard(text)) return undefined;
  const ref = reference();
  const inNot = elementOf(ctx) === 'NotAction';
  const notNote = inNot ? '_In `NotAction`: the statement covers every action except these._' : undefined;
  if (text === '*' || text === '*:*') {
    return blocks(`**${code(text)}** · every action`, 'Matches every action of every AWS service, including actions added in the future.', notNote, link('IAM: Action', lookupElement('Action')!.url));
  }
  const service = text.split(':')[0];
  const serviceWildcard = /[*?]/.test(service);
  if (!serviceWildcard && !ref.hasService(service)) {
    return blocks(`**${code(text)}** · unknown service`, `${code(service)} is not a service prefix in the service authorization reference: this pattern matches nothing.`);
  }
  const matched = ref.matchActions(text);
  if (matched.length === 0) {
    return blocks(`**${code(text)}** · matches nothing`, `No action of ${serviceWildcard ? 'any service' : ref.serviceName(service)} matches this pattern (IAM wildcards: \`*\` any run, \`?\` one character, case-insensitive).`, !serviceWildcard && serviceReferenceLink(service, 'actions'));
  }
  const future = text.endsWith(':*') ? ', and every action the service adds later' : '';
  const rows: string[] = [];
  for (const level of ACCESS_ORDER) {
    const names = matched.filter((a) => a.accessLevel === level).map((a) => (serviceWildcard ? `${a.service}:${a.name}` : a.name));
    if (names.length) rows.push(`- **${level}** (${names.length}): ${names.slice(0, MAX_NAMES).join(', ')}${names.length > MAX_NAMES ? `, … ${names.length - MAX_NAMES} more` : ''}`);
  }
  return blocks(
    `**${code(text)}** · ${plural(matched.length, 'action')}${future}`,
    rows.join('\n'),
    notNote,
    serviceWildcard ? link('IAM: Action', lookupElement('Action')!.url) : serviceReferenceLink(service, 'actions'),
  );
}
