import type { JsonNode, Property, Statement } from '../parse/model';
import { allStatements, statementIndexAt } from '../parse/model';
import { propertiesOf, propertyKey } from '../parse/json';
import type { Report, Rule } from '../rule';

function depthOf(node: JsonNode): number {
  let depth = 0;
  for (let up = node.parent; up; up = up.parent) depth++;
  return depth;
}

/** Does the node's text hold a `{` after its own opening one? Without one it has no object inside (a `{` in a string only costs a walk). */
function mayNestObjects(text: string, node: JsonNode): boolean {
  const brace = text.indexOf('{', node.offset + 1);
  return brace >= 0 && brace < node.offset + node.length;
}

/** Up to this many properties an object is checked pair by pair, which needs no Map (nearly every object of a policy). */
const PAIRWISE_MAX = 12;

/**
 * `a.toLowerCase() === b.toLowerCase()` without lower-casing (allocating) either in the usual case. Only
 * U+0130 changes length when lower-cased, so keys of different lengths can only be equal with it in them:
 * `dotted` says whether some key of the object has one (asked once per key, not once per pair).
 */
function sameKeyIgnoringCase(a: string, b: string, dotted: boolean): boolean {
  if (a.length !== b.length) return dotted && a.toLowerCase() === b.toLowerCase();
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0x80 || y >= 0x80) return a.toLowerCase() === b.toLowerCase();
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

function reportDuplicate(report: (r: Report) => void, keyNode: JsonNode, key: string, first: string): void {
  const how = first === key ? `"${key}" appears twice` : `"${key}" repeats "${first}" in a different case`;
  report({ node: keyNode, message: `Duplicate key: ${how} in this object. IAM either rejects the policy or keeps only one of them; merge them into one.` });
}

/** Reports every key of the object that repeats an earlier one, ignoring case, naming the earliest one it repeats. */
function reportDuplicates(node: JsonNode, report: (r: Report) => void): void {
  const children = node.children;
  if (!children || children.length < 2) return;
  if (children.length > PAIRWISE_MAX) return reportDuplicatesByMap(children, report);
  reportRepeatedKeys(propertiesOf(node), report);
}

/** reportDuplicates of a statement, from the keys its model has read already (its properties). */
function reportDuplicateElements(s: Statement, report: (r: Report) => void): void {
  if (s.properties.length > PAIRWISE_MAX) return reportDuplicatesByMap(s.node.children!, report);
  reportRepeatedKeys(s.properties, report);
}

/** The pair-by-pair check of an object's properties (half-typed ones left out, as propertiesOf does). */
function reportRepeatedKeys(properties: readonly Property[], report: (r: Report) => void): void {
  if (properties.length < 2) return;
  let dotted = false;
  for (const p of properties) if (p.key.includes('\u0130')) dotted = true;
  for (let j = 1; j < properties.length; j++) {
    const key = properties[j].key;
    for (let i = 0; i < j; i++) {
      const earlier = properties[i].key;
      if (!sameKeyIgnoringCase(earlier, key, dotted)) continue;
      reportDuplicate(report, properties[j].keyNode, key, earlier);
      break;
    }
  }
}

function reportDuplicatesByMap(children: readonly JsonNode[], report: (r: Report) => void): void {
  const seen = new Map<string, string>();
  for (const child of children) {
    const key = propertyKey(child);
    if (key === undefined) continue;
    const lower = key.toLowerCase();
    const first = seen.get(lower);
    if (first === undefined) seen.set(lower, key);
    else reportDuplicate(report, child.children![0], key, first);
  }
}

/**
 * Checks a value and every object inside it, `depth` levels below the root, leaving out the values `skip`
 * says another pass checks (the statements, for the walk outside them).
 */
function checkValue(node: JsonNode, depth: number, text: string, report: (r: Report) => void, skip?: (node: JsonNode) => boolean): void {
  // Policies are shallow; the bound keeps pathological nesting from exhausting the stack.
  const children = node.children;
  if (depth > 64 || !children || (skip !== undefined && skip(node))) return;
  if (node.type === 'object') {
    reportDuplicates(node, report);
    // The children of an object are properties, [key, value]: only a value can hold objects. It is two
    // levels below the object, past its property node.
    for (const property of children) {
      const value = property.children?.[1];
      if (value?.children && depth + 1 <= 64) checkValue(value, depth + 2, text, report, skip);
    }
  } else if (node.type === 'array') {
    // An Action or Resource list of strings need not be walked string by string.
    if (!mayNestObjects(text, node)) return;
    for (const item of children) if (item.children) checkValue(item, depth + 1, text, report, skip);
  }
}

export const rule: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'The same key twice in one object, also in a different case (`Statement` and `statement`).',
  scope: 'statement',
  check({ doc, report }) {
    // The statements are visited on their own, so that after an edit only the edited one is (see Rule.scope).
    const statements = allStatements(doc);
    // The walk meets the statements in text order: the next one is nearly always the one expected.
    let nextStatement = 0;
    const isStatementNode = (node: JsonNode): boolean => {
      if (nextStatement < statements.length && statements[nextStatement].node === node) {
        nextStatement++;
        return true;
      }
      if (node.type !== 'object') return false;
      const index = statementIndexAt(statements, node.offset);
      return index >= 0 && statements[index].node === node;
    };
    if (doc.root) checkValue(doc.root, 0, doc.text, report, isStatementNode);
    for (const s of doc.statements) {
      const depth = depthOf(s.node);
      if (depth > 64) continue;
      reportDuplicateElements(s, report);
      // Most statements have no object inside (no Condition or Principal): their own keys are all there is to
      // check, and the strings of their Action lists need not be touched.
      if (!mayNestObjects(doc.text, s.node)) continue;
      for (const p of s.properties) {
        if (p.value?.children && depth + 1 <= 64) checkValue(p.value, depth + 2, doc.text, report);
      }
    }
  },
};
