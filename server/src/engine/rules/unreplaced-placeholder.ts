import type { JsonNode, ValueItem } from '../parse/model';
import type { Rule } from '../rule';
import { embeddedStrings, forEachEmbeddedString } from './_intrinsic';
import { placeholdersIn, resourcePlaceholders, type Placeholder } from './_placeholder';
import { principalProperty } from './_principals';
import { notResourceFacts, resourceFacts, type ResourceText } from './_resource-texts';
import { spanIn } from './_span';

/** In a condition key only `<key>` and a reference-style `${TagKey}` are placeholders (`aws:ResourceTag/${TagKey}` copied from the reference). */
function keyPlaceholders(key: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of key.matchAll(/<[^<>\s][^<>]{0,60}>|\$\{([A-Z][A-Za-z0-9]*)\}/g)) {
    found.push({ start: m.index!, length: m[0].length, text: m[0], instead: /tag/i.test(m[0]) ? 'the tag key (for example aws:ResourceTag/team)' : 'the real name' });
  }
  return found;
}

type Emit = (node: JsonNode, p: Placeholder, where: string) => void;

const SUB = { sub: true };
const PLAIN = { sub: false };

/** Names where a string stands, for the message: `key` is the condition key of a condition value. */
type Describe = (text: string, key: string) => string;

function checkString(node: JsonNode, text: string, sub: boolean, describe: Describe, key: string, emit: Emit): void {
  const found = placeholdersIn(text, sub ? SUB : PLAIN);
  if (found.length === 0) return;
  const where = describe(text, key);
  for (const p of found) emit(node, p, where);
}

/** Where the strings being checked stand, set before each value: one per check, not one per string. */
interface Target {
  describe: Describe;
  key: string;
  emit: Emit;
}

function checkTargetString(node: JsonNode, text: string, sub: boolean, target: Target): void {
  checkString(node, text, sub, target.describe, target.key, target.emit);
}

/** The strings of a value that is not a list of plain strings (an element's own value, an intrinsic, a Principal map). */
function checkStringsIn(value: JsonNode | undefined, describe: Describe, emit: Emit): void {
  for (const str of embeddedStrings(value)) checkString(str.node, str.text, str.sub, describe, '', emit);
}

function checkValue(items: readonly ValueItem[], value: JsonNode | undefined, target: Target, describe: Describe, key = ''): void {
  target.describe = describe;
  target.key = key;
  forEachEmbeddedString(items, value, checkTargetString, target);
}

/**
 * Resource or NotResource, as checkValue would check it, but the placeholders of the plain strings are read
 * from the facts of their text shared with the other rules on these entries (see _resource-texts).
 */
function checkEntries(items: readonly ValueItem[], facts: ReadonlyArray<ResourceText | undefined>, value: JsonNode | undefined, describe: Describe, emit: Emit): void {
  if (items.length === 0) {
    // Nearly always no element at all (a statement without NotResource): nothing to list.
    if (value) checkStringsIn(value, describe, emit);
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const fact = facts[i];
    if (fact === undefined) {
      // Not a string: an intrinsic's strings, as forEachEmbeddedString reads them.
      checkStringsIn(items[i].node, describe, emit);
      continue;
    }
    const found = resourcePlaceholders(fact);
    if (found.length === 0) continue;
    const where = describe(fact.text, '');
    for (const p of found) emit(items[i].node, p, where);
  }
}

const inResource = (text: string) => `Resource "${text}"`;
const inNotResource = (text: string) => `NotResource "${text}"`;
const inPrincipal = (text: string) => `Principal "${text}"`;
const inNotPrincipal = (text: string) => `NotPrincipal "${text}"`;
const inCondition = (_text: string, key: string) => `the ${key} condition value`;

export const rule: Rule = {
  id: 'unreplaced-placeholder',
  defaultSeverity: 'warning',
  summary: 'A documentation placeholder left in a value: `<ACCOUNT_ID>`, `111122223333`, `account-id`, `region`, `your_KMS_key_ARN`, `AROAEXAMPLEID`, ...',
  scope: 'statement',
  check({ doc, report }) {
    const emit: Emit = (node, p, where) =>
      report({
        ...spanIn(doc.text, node, p.start, p.length),
        message: `"${p.text}" in ${where} looks like a placeholder from an example that was not replaced: IAM takes it literally, so it names no resource, account or value of yours. Replace it with ${p.instead}.`,
      });
    const target: Target = { describe: inCondition, key: '', emit };
    for (const s of doc.statements) {
      // The model's items; the elements themselves only where those are empty (see forEachEmbeddedString).
      checkEntries(s.resources, resourceFacts(s), s.resources.length === 0 ? s.element('Resource')?.value : undefined, inResource, emit);
      checkEntries(s.notResources, notResourceFacts(s), s.notResources.length === 0 ? s.element('NotResource')?.value : undefined, inNotResource, emit);
      // The shared memo says whether there is either element: most statements (identity policies) have none.
      if (principalProperty(s)) {
        checkStringsIn(s.element('Principal')?.value, inPrincipal, emit);
        checkStringsIn(s.element('NotPrincipal')?.value, inNotPrincipal, emit);
      }
      for (const block of s.conditions) {
        for (const entry of block.entries) {
          // Only `<` and `${` can start a placeholder in a key.
          if (entry.key.includes('<') || entry.key.includes('${')) {
            for (const p of keyPlaceholders(entry.key)) emit(entry.keyNode, p, `the condition key "${entry.key}"`);
          }
          checkValue(entry.values, entry.values.length === 0 ? entry.valueNode : undefined, target, inCondition, entry.key);
        }
      }
    }
  },
};
