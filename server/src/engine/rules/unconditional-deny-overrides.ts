import { getNodeValue } from 'jsonc-parser';
import { reference } from '../data/reference';
import { actionPatternCovers, globMatches } from '../match';
import type { Statement } from '../parse/model';
import type { Rule } from '../rule';
import { principalOf } from './_principals';

/** Plain string items, or undefined when any is unknown (an intrinsic, a variable). */
function texts(items: ReadonlyArray<{ text: string | undefined }>): string[] | undefined {
  const out: string[] = [];
  for (const i of items) {
    // Over-long values (not an action or ARN) would only make huge RegExps: undecidable.
    if (i.text === undefined || i.text.includes('${') || i.text.length > 2048) return undefined;
    out.push(i.text);
  }
  return out;
}

/** ARN patterns compare case-sensitively. */
function resourcePatternCovers(pattern: string, resource: string): boolean {
  return globMatches(pattern, resource);
}

/** Every action the allow pattern can stand for is covered by the deny's Action (or not excluded by its NotAction). */
function actionsCovered(allowPattern: string, denyActions: string[] | undefined, denyNotActions: string[] | undefined): boolean {
  if (denyActions) {
    // Textual cover: a deny `s3:*` covers an allow `s3:Get*` (the deny's * matches the allow's *).
    if (denyActions.some((d) => actionPatternCovers(d, allowPattern))) return true;
    const expanded = reference().matchActions(allowPattern);
    return expanded.length > 0 && expanded.every((a) => denyActions.some((d) => actionPatternCovers(d, `${a.service}:${a.name}`)));
  }
  if (denyNotActions) {
    if (!/[*?]/.test(allowPattern)) return !denyNotActions.some((n) => actionPatternCovers(n, allowPattern));
    const expanded = reference().matchActions(allowPattern);
    return expanded.length > 0 && expanded.every((a) => !denyNotActions.some((n) => actionPatternCovers(n, `${a.service}:${a.name}`)));
  }
  return false;
}

function resourcesCovered(allow: Statement, deny: Statement): boolean {
  if (deny.element('NotResource') || !deny.element('Resource')) return false;
  const denyResources = texts(deny.resources);
  if (!denyResources || denyResources.length === 0) return false;
  if (denyResources.includes('*')) return true;
  if (allow.element('NotResource') || !allow.element('Resource')) return false;
  const allowResources = texts(allow.resources);
  return allowResources !== undefined && allowResources.length > 0 && allowResources.every((r) => denyResources.some((d) => resourcePatternCovers(d, r)));
}

/** The Deny applies to (at least) the principals the Allow names. */
function principalsCovered(allow: Statement, deny: Statement): boolean {
  const a = principalOf(allow);
  const d = principalOf(deny);
  if (!d) return !a;
  if (d.not || !a || a.not) return false;
  if (d.starNode || d.entries.some((e) => e.type === 'AWS' && e.items.some((i) => i.text === '*'))) return true;
  return JSON.stringify(getNodeValue(d.property.value!)) === JSON.stringify(getNodeValue(a.property.value!));
}

function name(s: Statement): string {
  return s.sid ? `"${s.sid}"` : `#${s.index + 1}`;
}

export const rule: Rule = {
  id: 'unconditional-deny-overrides',
  defaultSeverity: 'info',
  summary: 'A `Deny` without a condition covers every action (and resource) an `Allow` in the same document grants: the Allow can never work.',
  check({ doc, report }) {
    const denies = doc.statements.filter((s) => s.effect === 'Deny' && !s.element('Condition'));
    if (denies.length === 0) return;
    for (const allow of doc.statements) {
      if (allow.effect !== 'Allow' || allow.element('NotAction')) continue;
      const allowActions = texts(allow.actions);
      const effect = allow.element('Effect')?.value;
      if (!allowActions || allowActions.length === 0 || !effect) continue;
      const deny = denies.find((d) => {
        const denyActions = d.element('Action') ? texts(d.actions) : undefined;
        const denyNotActions = d.element('NotAction') ? texts(d.notActions) : undefined;
        if (!denyActions && !denyNotActions) return false;
        return principalsCovered(allow, d) && resourcesCovered(allow, d) && allowActions.every((p) => actionsCovered(p, denyActions, denyNotActions));
      });
      if (!deny) continue;
      const conditional = allow.element('Condition') !== undefined;
      report({
        node: effect,
        message: `This Allow can never take effect: Deny statement ${name(deny)} has no condition and covers all of its actions and resources, and an explicit Deny always wins${conditional ? ' (the condition on this Allow does not carve out an exception)' : ''}. Put the exception on the Deny as a condition (for example StringNotEquals on the key this Allow tests), narrow the Deny, or remove the Allow.`,
      });
    }
  },
};
