import { parsePolicy } from './parse/parse';
import { locate, type PolicyLocation } from './locate';
import { reference, type ActionInfo } from './data/reference';
import { innerRange } from './parse/json';
import type { LintOptions } from './types';

export interface HoverResult {
  markdown: string;
  offset: number;
  length: number;
}

const ACTIONS_DOC = (service: string) => `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${service}.html`;
const ACCESS_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** Hover text for the token at `offset`, or undefined when there is nothing to explain (or not a policy). */
export function hover(text: string, offset: number, options: LintOptions = {}): HoverResult | undefined {
  const doc = parsePolicy(text, options);
  const loc = locate(doc, offset);
  if (!loc) return undefined;
  for (const provider of PROVIDERS) {
    const markdown = provider(loc);
    if (markdown) return { markdown, ...innerRange(loc.node) };
  }
  return undefined;
}

type Provider = (loc: PolicyLocation) => string | undefined;

function isActionValue(loc: PolicyLocation): boolean {
  return !loc.isKey && loc.node.type === 'string' && (loc.path[0] === 'Action' || loc.path[0] === 'NotAction');
}

function actionHover(loc: PolicyLocation): string | undefined {
  if (!isActionValue(loc)) return undefined;
  const text = loc.node.value as string;
  const [service, name] = text.split(':');
  if (!name || /[*?]/.test(text)) return undefined;
  const action = reference().action(service, name);
  if (!action) return undefined;
  return describeAction(action);
}

export function describeAction(action: ActionInfo): string {
  const ref = reference();
  const lines = [`**${action.service}:${action.name}** · access level: **${action.accessLevel}**`, ''];
  const description = ref.actionDescription(action.service, action.name);
  if (description) lines.push(description, '');
  if (action.resourceTypes.length) {
    lines.push('**Resource types**', '');
    for (const rt of action.resourceTypes) {
      const arn = ref.resourceType(action.service, rt.name)?.arn;
      lines.push(`- \`${rt.name}\`${rt.required ? ' (required)' : ''}${arn ? `: \`${arn}\`` : ''}`);
    }
    lines.push('');
  } else {
    lines.push('No resource-level permissions: use `"Resource": "*"`.', '');
  }
  const keys = ref.conditionKeysForAction(action);
  if (keys.length) lines.push(`**Condition keys**: ${keys.map((k) => `\`${k}\``).join(', ')}`, '');
  const dependent = [...new Set([...action.dependentActions, ...action.resourceTypes.flatMap((r) => r.dependentActions)])];
  if (dependent.length) lines.push(`**Dependent actions**: ${dependent.map((k) => `\`${k}\``).join(', ')}`, '');
  lines.push(`[Service authorization reference: ${ref.serviceName(action.service) ?? action.service}](${ACTIONS_DOC(action.service)})`);
  return lines.join('\n');
}

function wildcardActionHover(loc: PolicyLocation): string | undefined {
  if (!isActionValue(loc)) return undefined;
  const text = loc.node.value as string;
  if (!/[*?]/.test(text)) return undefined;
  const ref = reference();
  const matched = text === '*' ? [] : ref.matchActions(text);
  if (text === '*' || text === '*:*') return '**`*`** matches every action of every AWS service, including actions added in the future.';
  if (matched.length === 0) return `**\`${text}\`** matches no action in the service authorization reference.`;
  const lines = [`**\`${text}\`** matches **${matched.length}** action${matched.length === 1 ? '' : 's'}${text.endsWith(':*') ? ' today, and every action the service adds later' : ''}:`, ''];
  for (const level of ACCESS_ORDER) {
    const names = matched.filter((a) => a.accessLevel === level).map((a) => (text.split(':')[0].includes('*') ? `${a.service}:${a.name}` : a.name));
    if (!names.length) continue;
    const shown = names.slice(0, 40);
    lines.push(`- **${level}** (${names.length}): ${shown.join(', ')}${names.length > shown.length ? `, … ${names.length - shown.length} more` : ''}`);
  }
  return lines.join('\n');
}

const PROVIDERS: Provider[] = [actionHover, wildcardActionHover];
