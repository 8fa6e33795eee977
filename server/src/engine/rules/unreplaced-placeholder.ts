import type { JsonNode } from '../parse/model';
import type { Rule } from '../rule';
import { embeddedStrings } from './_intrinsic';
import { placeholdersIn, type Placeholder } from './_placeholder';
import { spanIn } from './_span';

/** In a condition key only `<key>` and a reference-style `${TagKey}` are placeholders (`aws:ResourceTag/${TagKey}` copied from the reference). */
function keyPlaceholders(key: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of key.matchAll(/<[^<>\s][^<>]{0,60}>|\$\{([A-Z][A-Za-z0-9]*)\}/g)) {
    found.push({ start: m.index!, length: m[0].length, text: m[0], instead: /tag/i.test(m[0]) ? 'the tag key (for example aws:ResourceTag/team)' : 'the real name' });
  }
  return found;
}

export const rule: Rule = {
  id: 'unreplaced-placeholder',
  defaultSeverity: 'warning',
  summary: 'A documentation placeholder left in a value: `<ACCOUNT_ID>`, `111122223333`, `account-id`, `region`, `your_KMS_key_ARN`, `AROAEXAMPLEID`, ...',
  scope: 'statement',
  check({ doc, report }) {
    const emit = (node: JsonNode, p: Placeholder, where: string) =>
      report({
        ...spanIn(doc.text, node, p.start, p.length),
        message: `"${p.text}" in ${where} looks like a placeholder from an example that was not replaced: IAM takes it literally, so it names no resource, account or value of yours. Replace it with ${p.instead}.`,
      });
    for (const s of doc.statements) {
      for (const name of ['Resource', 'NotResource', 'Principal', 'NotPrincipal'] as const) {
        for (const str of embeddedStrings(s.element(name)?.value)) {
          for (const p of placeholdersIn(str.text, { sub: str.sub })) emit(str.node, p, `${name} "${str.text}"`);
        }
      }
      for (const block of s.conditions) {
        for (const entry of block.entries) {
          for (const p of keyPlaceholders(entry.key)) emit(entry.keyNode, p, `the condition key "${entry.key}"`);
          for (const str of embeddedStrings(entry.valueNode)) {
            for (const p of placeholdersIn(str.text, { sub: str.sub })) emit(str.node, p, `the ${entry.key} condition value`);
          }
        }
      }
    }
  },
};
