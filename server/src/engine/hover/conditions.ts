/** Hovers inside Condition: operators, condition keys and the values compared. */
import { IF_EXISTS_URL, SET_OPERATORS_URL, operatorWithCaseFixed, parseOperator, type ParsedOperator } from '../data/operators';
import { lookupElement } from '../data/elements';
import { reference } from '../data/reference';
import { conditionKeyView, describeKeyType } from '../conditionKeyInfo';
import { actionsSupportingKey, statementActions } from '../statementActions';
import { GLOBAL_KEYS_PAGE } from '../serviceDocs';
import type { HoverContext } from './context';
import { blocks, code, codeList, link, plural } from './format';

const OPERATORS_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

function inCondition(ctx: HoverContext, depth: number): boolean {
  return !!ctx.loc.statement && ctx.loc.path[0] === 'Condition' && ctx.loc.path.length === depth;
}

const SET_MEANING = {
  ForAnyValue: '`ForAnyValue:` (for multivalued keys): true when **at least one** value in the request matches a value of the policy; false when the key is absent or empty.',
  ForAllValues: '`ForAllValues:` (for multivalued keys): true when **every** value in the request matches a value of the policy, and also when the key is absent or empty, so with `Allow` pair it with a `Null` check.',
} as const;

/** One line of what the operator compares and how. */
export function operatorSummary(op: ParsedOperator): string {
  const base = op.base;
  const traits = [
    `values: ${base.valueType}`,
    base.wildcards ? '`*` and `?` are wildcards' : undefined,
    base.policyVariables ? 'policy variables allowed' : undefined,
  ].filter(Boolean).join('; ');
  const negated = base.negated ? ' Also true when the key is absent from the request.' : '';
  return `${code(base.name)}: ${base.description}${negated} (${traits}.)`;
}

export function operatorHover(ctx: HoverContext): string | undefined {
  if (!ctx.loc.isKey || !inCondition(ctx, 2)) return undefined;
  const name = ctx.loc.path[1];
  if (typeof name !== 'string') return undefined; // a Condition written as an array
  const op = parseOperator(name);
  if (!op) {
    const fixed = operatorWithCaseFixed(name);
    const why = fixed
      ? `Operator names are case-sensitive: did you mean ${code(fixed)}?`
      : /^Null/.test(name) && name.endsWith('IfExists') ? '`Null` takes no `IfExists` suffix.' : 'Not a condition operator: IAM rejects the policy.';
    return blocks(`**${code(name)}** · unknown condition operator`, why, link('IAM: condition operators', OPERATORS_PAGE));
  }
  const parts = [
    operatorSummary(op),
    op.setOperator ? SET_MEANING[op.setOperator] : undefined,
    op.ifExists ? `\`IfExists\`: when the key is absent from the request the condition is true; when present it is compared as ${code(op.base.name)}.` : undefined,
    'Several keys under the operator must all match (AND); several values of one key match if any does (OR).',
  ];
  const links = [link('IAM: condition operators', op.base.url)];
  if (op.setOperator) links.push(link('multivalued keys', SET_OPERATORS_URL));
  if (op.ifExists) links.push(link('IfExists', IF_EXISTS_URL));
  return blocks(`**${name}** · condition operator`, ...parts, links.join(' · '));
}

export function conditionKeyHover(ctx: HoverContext): string | undefined {
  if (!ctx.loc.isKey || !inCondition(ctx, 3)) return undefined;
  const [, operatorName, written] = ctx.loc.path;
  if (typeof operatorName !== 'string' || typeof written !== 'string') return undefined;
  const operator = parseOperator(operatorName);
  const view = conditionKeyView(written);
  if (!view) {
    const service = written.includes(':') ? written.split(':')[0] : undefined;
    const known = service && reference().hasService(service);
    return blocks(
      `**${code(written)}** · unknown condition key`,
      known
        ? `${reference().serviceName(service!)} lists no such key, and it is not a global key. In requests it is absent, so the condition only matches through \`IfExists\`, a negated operator or \`Null\`.`
        : 'Neither a global key nor a key of a known service: in requests it is absent.',
      link('IAM: global condition keys', GLOBAL_KEYS_PAGE),
    );
  }
  const title = view.scope === 'global'
    ? `**${written}** · global condition key`
    : `**${written}** · ${reference().serviceName(view.service!) ?? view.service} condition key`;
  const tag = view.placeholderValue ? ` (${view.placeholderName}: ${code(view.placeholderValue)})` : '';
  const typeLine = `Type: ${describeKeyType(view)}.${multivaluedNote(view.multivalued, operator)}`;
  return blocks(
    title,
    `${view.description ?? ''}${tag}`.trim(),
    typeLine,
    view.deprecated ? `Deprecated${view.deprecated.replacement ? `: use ${code(view.deprecated.replacement)}` : ''}.` : undefined,
    supportLine(ctx, written, view.scope),
    link(view.scope === 'global' ? 'IAM: global condition context keys' : `Service Authorization Reference: ${reference().serviceName(view.service!)} condition keys`, view.url),
  );
}

function multivaluedNote(multivalued: boolean, operator: ParsedOperator | undefined): string {
  if (!operator) return '';
  if (multivalued && !operator.setOperator) return ' Use it with `ForAnyValue:` or `ForAllValues:`.';
  if (!multivalued && operator.setOperator) return ` \`${operator.setOperator}:\` is meant for multivalued keys.`;
  return '';
}

/** Which of this statement's actions put the key in their request context. */
function supportLine(ctx: HoverContext, key: string, scope: 'global' | 'service'): string | undefined {
  const sa = statementActions(ctx.loc.statement!);
  const tagKey = /^aws:(RequestTag\/|ResourceTag\/|TagKeys$)/i.test(key);
  if (scope === 'global' && !tagKey) return 'Global: available in the request context of every action (when it applies to the request).';
  if (sa.patterns.length === 0) return undefined;
  if (scope === 'global' && (sa.everything || sa.notAction)) return 'Present only for actions that support tags in the request or on the resource.';
  const supporting = actionsSupportingKey(sa, key);
  const names = supporting.map((a) => `${a.service}:${a.name}`);
  if (sa.everything || sa.notAction) {
    return names.length ? `Of the actions this statement covers, ${plural(names.length, 'action')} support it: ${codeList(names, 6)}.` : 'No action this statement covers supports it.';
  }
  const total = sa.actions.length;
  if (names.length === 0) {
    return `**None of this statement's ${plural(total, 'action')} support it**: in their requests the key is absent, so the condition only matches through \`IfExists\`, a negated operator or \`Null\`.`;
  }
  if (names.length === total) return `Supported by ${total === 1 ? 'this statement\'s action' : `all ${total} of this statement's actions`}.`;
  return `Supported by ${names.length} of this statement's ${total} actions: ${codeList(names, 6)}.`;
}

/** A value compared in a condition: booleans and Null's true/false get their meaning; others what they are compared with. */
export function conditionValueHover(ctx: HoverContext): string | undefined {
  const { loc } = ctx;
  if (loc.isKey || !loc.statement || loc.path[0] !== 'Condition' || loc.path.length < 3 || loc.path.length > 4) return undefined;
  if (loc.node.type !== 'string' && loc.node.type !== 'boolean' && loc.node.type !== 'number') return undefined;
  const [, opName, key] = loc.path;
  // In a broken document the path can run through an array where the operator or the key belongs.
  if (typeof opName !== 'string' || typeof key !== 'string') return undefined;
  const value = String(loc.node.value);
  const op = parseOperator(opName);
  const url = op?.base.url ?? lookupElement('Condition')!.url;
  if (op?.family === 'Null') {
    const meaning = value === 'true' ? `true when ${code(key)} is **absent** from the request` : value === 'false' ? `true when ${code(key)} is **present** (has a value)` : 'must be `true` or `false`';
    return blocks(`**${code(value)}** · Null check`, `The condition is ${meaning}.`, link('IAM: Null condition operator', url));
  }
  if (op?.family === 'Bool') {
    const meaning = value === 'true' || value === 'false' ? `true when ${code(key)} is ${code(value)} in the request` : 'must be `true` or `false`';
    return blocks(`**${code(value)}** · Bool value`, `The condition is ${meaning}${op.ifExists ? ', or when the key is absent (IfExists)' : ''}.`, link('IAM: Boolean condition operators', url));
  }
  if (!op) return blocks(`**${code(value)}** · value of ${code(key)}`, `${code(opName)} is not a condition operator, so IAM rejects this condition.`, link('IAM: condition operators', OPERATORS_PAGE));
  return blocks(`**${code(value)}** · value of ${code(key)}`, `Compared with ${operatorSummary(op)}`, link('IAM: condition operators', url));
}
