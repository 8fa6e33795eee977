/** The completion lists, by position: keys (elements, operators, condition keys, principal types) and values. */
import type { Node as JsonNode } from 'jsonc-parser';
import { ELEMENTS, lookupElement, type ElementInfo } from '../data/elements';
import { GLOBAL_CONDITION_KEYS } from '../data/globalConditionKeys';
import { OPERATORS, parseOperator, type OperatorInfo } from '../data/operators';
import { POLICY_VARIABLES } from '../data/policyVariables';
import { PRINCIPAL_TYPES, WEB_IDENTITY_PROVIDERS } from '../data/principals';
import { reference } from '../data/reference';
import { conditionKeyView, describeKeyType } from '../conditionKeyInfo';
import { CURRENT_VERSION } from '../parse/grammar';
import { serviceReferenceUrl } from '../serviceDocs';
import { keysOfActions, statementActions, type StatementActions } from '../statementActions';
import { BOOLEAN_VALUES, knownValues, type KnownValue } from './values';
import { ItemKind, type CompletionEntry, type CompletionSpot, type Scope } from './types';

export interface BuiltList {
  range: { offset: number; length: number };
  items: CompletionEntry[];
  isIncomplete: boolean;
}

/** What a key item inserts after its name when the key has no colon yet (snippet syntax). */
interface KeyChoice {
  label: string;
  detail?: string;
  documentation?: string;
  kind: number;
  /** Text inserted instead of the label (e.g. `aws:PrincipalTag/` for `aws:PrincipalTag/${TagKey}`). */
  name?: string;
  /** The value skeleton after `": ` (snippet syntax), e.g. `[$0]`. */
  valueSnippet?: string;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Key items: the name only when the colon is already there, otherwise `name": value-skeleton`. */
function keyList(spot: CompletionSpot, choices: KeyChoice[]): BuiltList {
  let offset = spot.start;
  let end = spot.end;
  let mode: 'name' | 'rest' | 'quoted';
  if (spot.inString && spot.closed && spot.followedByColon) mode = 'name';
  else if (spot.inString) {
    mode = 'rest';
    if (spot.closed && spot.closingQuoteEnd !== undefined) end = spot.closingQuoteEnd;
  } else mode = spot.followedByColon ? 'name' : 'quoted';
  const items = choices.map((c): CompletionEntry => {
    const name = c.name ?? c.label;
    const value = c.valueSnippet ?? '$0';
    let insertText: string;
    let snippet = false;
    if (mode === 'name') insertText = spot.inString ? name : `"${name}"`;
    else {
      snippet = true;
      insertText = mode === 'rest' ? `${escapeSnippet(name)}": ${value}` : `"${escapeSnippet(name)}": ${value}`;
    }
    return { label: c.label, insertText, filterText: name, detail: c.detail, documentation: c.documentation, kind: c.kind, ...(snippet ? { snippet } : {}) };
  });
  return { range: { offset, length: end - offset }, items, isIncomplete: false };
}

interface ValueChoice {
  label: string;
  /** Defaults to the label. */
  value?: string;
  detail?: string;
  documentation?: string;
  kind: number;
  /** A prefix the user goes on typing after (`sagemaker:`): no closing quote is added. */
  open?: boolean;
}

/** Value items: the bare value inside a string (closing an unterminated one), quoted at a bare position. */
function valueList(spot: CompletionSpot, choices: ValueChoice[], isIncomplete = false, range?: { offset: number; length: number }): BuiltList {
  const items = choices.map((c): CompletionEntry => {
    const value = c.value ?? c.label;
    if (spot.inString) {
      const close = !spot.closed && !c.open ? '"' : '';
      return { label: c.label, insertText: value + close, filterText: value, detail: c.detail, documentation: c.documentation, kind: c.kind };
    }
    if (c.open) return { label: c.label, insertText: `"${escapeSnippet(value)}$0"`, filterText: value, detail: c.detail, documentation: c.documentation, kind: c.kind, snippet: true };
    return { label: c.label, insertText: `"${value}"`, filterText: value, detail: c.detail, documentation: c.documentation, kind: c.kind };
  });
  return { range: range ?? { offset: spot.start, length: spot.end - spot.start }, items, isIncomplete };
}

// ---- keys ----

export function keyItems(scope: Scope, spot: CompletionSpot, _text: string): BuiltList | undefined {
  const { path } = scope;
  if (!scope.inStatement && path.length === 1 && scope.doc.kind !== 'fragment') return keyList(spot, elementChoices('top', scope, spot));
  if (!scope.inStatement) return undefined;
  if (path.length === 1) return keyList(spot, elementChoices('statement', scope, spot));
  if (path[0] === 'Condition' && path.length === 2) {
    const present = presentKeys(scope.statement?.conditions.map((b) => b.operatorNode) ?? [], spot);
    return keyList(spot, operatorChoices().filter((c) => !present.has(c.label)));
  }
  if (path[0] === 'Condition' && path.length === 3) return keyList(spot, conditionKeyChoices(scope, spot, String(path[1])));
  if ((path[0] === 'Principal' || path[0] === 'NotPrincipal') && path.length === 2) {
    return keyList(spot, PRINCIPAL_TYPES.filter((p) => p.type !== '*').map((p) => ({ label: p.type, detail: 'principal type', documentation: `${p.description}\n\nExamples: ${p.examples.slice(0, 2).map((e) => `\`${e}\``).join(', ')}`, kind: ItemKind.Property, valueSnippet: '"$0"' })));
  }
  return undefined;
}

const ELEMENT_VALUE: Record<string, string> = {
  Version: `"${CURRENT_VERSION}"`,
  Id: '"$0"',
  Statement: '[\n\t{\n\t\t$0\n\t}\n]',
  Sid: '"$0"',
  Effect: '"${1|Allow,Deny|}"',
  Principal: '{$0}',
  NotPrincipal: '{$0}',
  Action: '["$0"]',
  NotAction: '["$0"]',
  Resource: '["$0"]',
  NotResource: '["$0"]',
  Condition: '{$0}',
};

function elementChoices(level: 'top' | 'statement', scope: Scope, spot: CompletionSpot): KeyChoice[] {
  const props = level === 'top' ? topLevelProperties(scope) : scope.statement?.properties ?? [];
  // The key being typed is itself a property of the half-typed object: it does not count as present.
  const present = new Set(props.filter((p) => !(p.keyNode.offset <= spot.start && spot.start <= p.keyNode.offset + p.keyNode.length)).map((p) => p.key));
  return ELEMENTS.filter((e) => e.level === level && !present.has(e.name) && !(e.exclusiveWith ?? []).some((x) => present.has(x))).map((e: ElementInfo) => ({
    label: e.name,
    detail: `${level === 'top' ? 'policy' : 'statement'} element${e.required ? ' · required' : ''}`,
    documentation: `${e.description}\n\nValues: ${e.values}\n\n[IAM: ${e.name}](${e.url})`,
    kind: ItemKind.Property,
    valueSnippet: ELEMENT_VALUE[e.name],
  }));
}

/** The names of these key nodes, except the one the cursor is in. */
function presentKeys(keyNodes: JsonNode[], spot: CompletionSpot): Set<string> {
  return new Set(keyNodes.filter((k) => !(k.offset <= spot.start && spot.start <= k.offset + k.length)).map((k) => String(k.value)));
}

/** doc.topLevel is empty for a document not yet shaped like a policy: read the root's keys directly. */
function topLevelProperties(scope: Scope): Array<{ key: string; keyNode: JsonNode }> {
  if (scope.doc.topLevel.length) return scope.doc.topLevel;
  return (scope.doc.root?.children ?? []).flatMap((p) => {
    const keyNode = p.children?.[0];
    return keyNode && typeof keyNode.value === 'string' ? [{ key: keyNode.value, keyNode }] : [];
  });
}

let operatorCache: KeyChoice[] | undefined;

/** Base operators, their IfExists forms, then the ForAnyValue:/ForAllValues: forms for multivalued keys. */
function operatorChoices(): KeyChoice[] {
  if (operatorCache) return operatorCache;
  const choice = (name: string, op: OperatorInfo, note: string): KeyChoice => ({
    label: name,
    detail: `${op.valueType} operator${note}`,
    documentation: `${op.description}${op.negated ? ' Also true when the key is absent.' : ''}\n\n[IAM: condition operators](${op.url})`,
    kind: ItemKind.Operator,
    valueSnippet: '{$0}',
  });
  const base = OPERATORS.map((o) => choice(o.name, o, ''));
  const ifExists = OPERATORS.filter((o) => o.ifExistsAllowed).map((o) => choice(`${o.name}IfExists`, o, ' · true when the key is absent'));
  const sets = OPERATORS.filter((o) => o.family !== 'Null' && o.family !== 'Bool').flatMap((o) => [
    choice(`ForAnyValue:${o.name}`, o, ' · some request value matches'),
    choice(`ForAllValues:${o.name}`, o, ' · every request value matches'),
  ]);
  return (operatorCache = [...base, ...ifExists, ...sets]);
}

/** Service keys the statement's actions support (most supported first), then the global keys. */
function conditionKeyChoices(scope: Scope, spot: CompletionSpot, operatorName: string): KeyChoice[] {
  const ref = reference();
  const sa: StatementActions | undefined = scope.statement ? statementActions(scope.statement) : undefined;
  const operator = parseOperator(operatorName);
  const choices: KeyChoice[] = [];
  // Keys already under this operator (other than the one being typed) are not offered again.
  const block = scope.statement?.conditions.find((b) => b.operator === operatorName);
  const seen = new Set([...presentKeys(block?.entries.map((e) => e.keyNode) ?? [], spot)].map((k) => k.toLowerCase()));
  const add = (key: string, count: number | undefined, total: number | undefined) => {
    const lower = key.toLowerCase();
    if (seen.has(lower) || key.endsWith('/')) return;
    const view = conditionKeyView(key);
    if (!view) return;
    seen.add(lower);
    const placeholder = /\$\{[^}]*\}$/.exec(key);
    const support = count !== undefined && total ? ` · ${count === total ? (total === 1 ? 'the action' : `all ${total} actions`) : `${count} of ${total} actions`}` : view.scope === 'global' && count === undefined ? ' · global' : '';
    choices.push({
      label: key,
      name: placeholder ? key.slice(0, placeholder.index) : key,
      detail: `${describeKeyType(view)}${support}`,
      documentation: `${view.description ?? ''}\n\n[${view.scope === 'global' ? 'IAM: global condition keys' : 'Service Authorization Reference'}](${view.url})`,
      kind: ItemKind.Property,
      valueSnippet: view.multivalued || operator?.setOperator ? '["$0"]' : '"$0"',
    });
  };
  if (sa && !sa.everything && !sa.notAction) {
    const total = sa.actions.length;
    for (const { key, count } of keysOfActions(sa)) add(key, count, total);
  }
  // For `*`, NotAction or a statement without actions yet: the keys of the service being typed.
  const typedService = /^([\w-]+):/.exec(spot.typed)?.[1];
  if (typedService && typedService.toLowerCase() !== 'aws' && ref.hasService(typedService)) {
    for (const k of ref.serviceConditionKeys(typedService)) add(k.key, undefined, undefined);
  }
  for (const k of GLOBAL_CONDITION_KEYS) add(k.key, undefined, undefined);
  return choices;
}

// ---- values ----

export function valueItems(scope: Scope, spot: CompletionSpot, _text: string): BuiltList | undefined {
  const { path } = scope;
  const element = path[0];
  if (spot.inString) {
    const variables = variableList(scope, spot);
    if (variables) return variables;
  }
  if (!scope.inStatement) {
    if (element === 'Version' && path.length === 1 && scope.doc.kind !== 'fragment') {
      return valueList(spot, [{ label: CURRENT_VERSION, detail: 'current policy language version', documentation: lookupElement('Version')!.description, kind: ItemKind.Value }]);
    }
    return undefined;
  }
  if (element === 'Effect' && path.length === 1) {
    return valueList(spot, [
      { label: 'Allow', detail: 'grant the actions', documentation: 'Grants the statement\'s actions on its resources when its conditions match, unless an explicit Deny overrides it.', kind: ItemKind.EnumMember },
      { label: 'Deny', detail: 'explicitly deny the actions', documentation: 'Explicitly denies the statement\'s actions; overrides every Allow.', kind: ItemKind.EnumMember },
    ]);
  }
  if ((element === 'Action' || element === 'NotAction') && path.length <= 2) return actionList(spot);
  if ((element === 'Resource' || element === 'NotResource') && path.length <= 2) return resourceList(scope, spot);
  if (element === 'Principal' || element === 'NotPrincipal') return principalList(scope, spot);
  if (element === 'Condition' && (path.length === 3 || path.length === 4)) return conditionValueList(scope, spot);
  return undefined;
}

function actionList(spot: CompletionSpot): BuiltList {
  const ref = reference();
  const typed = spot.typed;
  const colon = typed.indexOf(':');
  if (colon < 0) {
    const prefix = typed.toLowerCase();
    const services = ref.services().filter((s) => s.toLowerCase().startsWith(prefix));
    const items: ValueChoice[] = services.map((s) => ({ label: `${s}:`, detail: ref.serviceName(s), kind: ItemKind.Module, open: true }));
    if (prefix === '' || '*'.startsWith(prefix)) items.push({ label: '*', detail: 'every action of every service', kind: ItemKind.Keyword });
    return valueList(spot, items, prefix !== '');
  }
  const service = typed.slice(0, colon);
  const namePrefix = typed.slice(colon + 1).toLowerCase();
  const real = ref.actions(service)[0]?.service ?? service;
  const items: ValueChoice[] = ref.actions(service)
    .filter((a) => a.name.toLowerCase().startsWith(namePrefix))
    .map((a) => ({
      label: `${a.service}:${a.name}`,
      detail: a.accessLevel,
      documentation: `${ref.actionDescription(a.service, a.name) ?? ''}\n\n[Service Authorization Reference](${serviceReferenceUrl(a.service, { action: a.name })})`,
      kind: ItemKind.Function,
    }));
  if (namePrefix === '' && ref.hasService(service)) items.unshift({ label: `${real}:*`, detail: `every ${ref.serviceName(real)} action, including future ones`, kind: ItemKind.Keyword });
  return valueList(spot, items, namePrefix !== '');
}

/** `*` and ARN skeletons of the resource types the statement's actions act on, most used first. */
function resourceList(scope: Scope, spot: CompletionSpot): BuiltList {
  const ref = reference();
  const items: ValueChoice[] = [{ label: '*', detail: 'every resource', documentation: 'Needed for actions without resource-level permissions.', kind: ItemKind.Keyword }];
  const sa = scope.statement ? statementActions(scope.statement) : undefined;
  if (sa && !sa.everything && !sa.notAction) {
    const uses = new Map<string, { service: string; name: string; actions: string[] }>();
    for (const a of sa.actions) {
      for (const rt of a.resourceTypes) {
        const id = `${a.service}/${rt.name}`;
        const entry = uses.get(id) ?? { service: a.service, name: rt.name, actions: [] };
        entry.actions.push(a.name);
        uses.set(id, entry);
      }
    }
    const sorted = [...uses.values()].sort((x, y) => y.actions.length - x.actions.length || x.name.localeCompare(y.name));
    for (const u of sorted) {
      const format = ref.resourceType(u.service, u.name)?.arn;
      if (!format) continue;
      const skeleton = format.replace('${Partition}', 'aws').replace(/\$\{[^}]*\}/g, '*');
      const shown = u.actions.slice(0, 5).join(', ') + (u.actions.length > 5 ? `, … ${u.actions.length - 5} more` : '');
      items.push({
        label: skeleton,
        detail: `${u.service} ${u.name} · ${u.actions.length} action${u.actions.length === 1 ? '' : 's'}`,
        documentation: `\`${format}\`\n\nFor ${shown}.`,
        kind: ItemKind.Value,
      });
    }
  }
  return valueList(spot, items);
}

function principalList(scope: Scope, spot: CompletionSpot): BuiltList | undefined {
  const { path } = scope;
  if (path.length === 1) return valueList(spot, [{ label: '*', detail: 'everyone, including anonymous callers', kind: ItemKind.Keyword }]);
  const type = path[1];
  if (path.length > 3) return undefined;
  if (type === 'Service') return valueList(spot, known(knownValues('iam:PassedToService') ?? [], 'service principal'));
  if (type === 'Federated') return valueList(spot, WEB_IDENTITY_PROVIDERS.map((p) => ({ label: p, detail: 'web identity provider', kind: ItemKind.Value })));
  if (type === 'AWS') return valueList(spot, [{ label: '*', detail: 'every AWS principal, including anonymous', kind: ItemKind.Keyword }]);
  return undefined;
}

function known(values: readonly KnownValue[], detail: string): ValueChoice[] {
  return values.map((v) => ({ label: v.value, detail, documentation: v.description, kind: ItemKind.EnumMember }));
}

function conditionValueList(scope: Scope, spot: CompletionSpot): BuiltList | undefined {
  const operator = parseOperator(String(scope.path[1]));
  const key = String(scope.path[2]);
  if (operator?.family === 'Null') {
    return valueList(spot, [
      { label: 'true', detail: `${key} is absent`, kind: ItemKind.EnumMember },
      { label: 'false', detail: `${key} is present`, kind: ItemKind.EnumMember },
    ]);
  }
  const view = conditionKeyView(key);
  if (operator?.family === 'Bool' || view?.type === 'Bool' || view?.type === 'ArrayOfBool') return valueList(spot, known(BOOLEAN_VALUES, view ? `${view.key} value` : 'Bool value'));
  const values = knownValues(view?.key ?? key);
  if (values) return valueList(spot, known(values, `${view?.key ?? key} value`));
  return undefined;
}

/** Inside `${` in a Resource or condition value: the policy variables. */
function variableList(scope: Scope, spot: CompletionSpot): BuiltList | undefined {
  const open = spot.typed.lastIndexOf('${');
  if (open < 0 || spot.typed.indexOf('}', open) >= 0) return undefined;
  const element = scope.path[0];
  if (!scope.inStatement || (element !== 'Resource' && element !== 'NotResource' && element !== 'Condition')) return undefined;
  const offset = spot.start + open;
  const items: CompletionEntry[] = POLICY_VARIABLES.map((v) => {
    const name = v.name.replace(/\$\{[^}]*\}$/, '');
    const text = v.name.includes('${') ? `\${${name}` : `\${${v.name}}`;
    return { label: `\${${v.name}}`, insertText: text, filterText: text, detail: `policy variable · ${v.kind}`, documentation: v.resolvesTo, kind: ItemKind.Variable };
  });
  return { range: { offset, length: spot.start + spot.typed.length - offset }, items, isIncomplete: false };
}
