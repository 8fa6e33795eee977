import type { JsonNode, Property } from '../parse/model';
import { isIntrinsic, propertiesOf, propertyKey } from '../parse/json';
import type { Rule, RuleContext } from '../rule';

const TYPE_NAMES: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null', object: 'an object', array: 'an array' };

function typeName(node: JsonNode): string {
  return TYPE_NAMES[node.type] ?? node.type;
}

/** A string, a CloudFormation intrinsic (unknown value), or an array of those. */
function isStringList(node: JsonNode): boolean {
  if (isStringItem(node)) return true;
  if (node.type !== 'array') return false;
  for (const child of node.children ?? []) if (!isStringItem(child)) return false;
  return true;
}

function isScalarList(node: JsonNode): boolean {
  if (isScalarItem(node)) return true;
  if (node.type !== 'array') return false;
  for (const child of node.children ?? []) if (!isScalarItem(child)) return false;
  return true;
}

function wrong(ctx: RuleContext, p: Property, expected: string, fits?: (n: JsonNode) => boolean): void {
  if (!p.value) return;
  // An array of the right shape with one wrong entry: name the entry's type, not "an array".
  const entry = fits && p.value.type === 'array' ? (p.value.children ?? []).find((c) => !fits(c)) : undefined;
  const actual = entry ? `an array with ${typeName(entry)} in it` : typeName(p.value);
  ctx.report({ node: p.value, message: `"${p.key}" must be ${expected}, not ${actual}: IAM rejects the policy.` });
}

const isStringItem = (n: JsonNode) => n.type === 'string' || isIntrinsic(n);
const isScalarItem = (n: JsonNode) => n.type === 'string' || n.type === 'number' || n.type === 'boolean' || isIntrinsic(n);

export const rule: Rule = {
  id: 'invalid-type',
  defaultSeverity: 'error',
  summary: 'A value of the wrong JSON type (number `Effect`, object `Action`, array `Version`, ...).',
  scope: 'statement',
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.topLevel) {
      if (!p.value) continue;
      if ((p.key === 'Version' || p.key === 'Id') && p.value.type !== 'string') wrong(ctx, p, 'a string');
      if (p.key === 'Statement' && p.value.type !== 'array' && p.value.type !== 'object') wrong(ctx, p, 'an array of statements or one statement object');
    }
    const statementList = doc.statementProperty?.value;
    if (statementList?.type === 'array') {
      for (const item of statementList.children ?? []) {
        if (item.type !== 'object') ctx.report({ node: item, message: `Each entry of "Statement" must be a statement object, not ${typeName(item)}.` });
      }
    }
    for (const s of doc.statements) {
      for (const p of s.properties) {
        const v = p.value;
        if (!v) continue;
        switch (p.key) {
          case 'Effect':
            if (v.type !== 'string') wrong(ctx, p, 'the string "Allow" or "Deny"');
            break;
          case 'Action': case 'NotAction': case 'Resource': case 'NotResource':
            if (!isStringList(v)) wrong(ctx, p, 'a string or an array of strings', isStringItem);
            break;
          case 'Principal': case 'NotPrincipal':
            checkPrincipal(ctx, p);
            break;
          case 'Condition':
            checkCondition(ctx, p);
            break;
        }
      }
    }
  },
};

function checkPrincipal(ctx: RuleContext, p: Property): void {
  const v = p.value!;
  if (v.type === 'string' || isIntrinsic(v)) return; // "*" (other strings: invalid-principal)
  if (v.type !== 'object') return wrong(ctx, p, 'an object such as {"AWS": "..."} or "*"');
  for (const entry of propertiesOf(v)) {
    if (entry.value && !isStringList(entry.value)) wrong(ctx, entry, 'a string or an array of strings', isStringItem);
  }
}

function checkCondition(ctx: RuleContext, p: Property): void {
  const v = p.value!;
  if (v.type !== 'object') return wrong(ctx, p, 'an object of condition operators');
  if (wellTypedCondition(v)) return;
  for (const block of propertiesOf(v)) {
    if (!block.value) continue;
    if (block.value.type !== 'object') {
      wrong(ctx, block, 'an object of condition keys and values');
      continue;
    }
    for (const entry of propertiesOf(block.value)) {
      if (entry.value && !isScalarList(entry.value)) wrong(ctx, entry, 'a string, number, boolean or an array of them', isScalarItem);
    }
  }
}

/** Every operator holds an object of keys, each a scalar or a list of them: nearly every Condition, checked without building property lists. */
function wellTypedCondition(condition: JsonNode): boolean {
  for (const block of condition.children ?? []) {
    if (propertyKey(block) === undefined) continue;
    const entries = block.children![1];
    if (!entries) continue;
    if (entries.type !== 'object') return false;
    for (const entry of entries.children ?? []) {
      if (propertyKey(entry) === undefined) continue;
      const value = entry.children![1];
      if (value && !isScalarList(value)) return false;
    }
  }
  return true;
}
