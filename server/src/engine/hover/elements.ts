/** Hovers on element names, `Effect` and `Version` values, and the values of `Sid`/`Id`. */
import { ELEMENTS, lookupElement, type ElementInfo } from '../data/elements';
import { EVALUATION_PAGE } from '../serviceDocs';
import type { HoverContext } from './context';
import { elementOf, stringValue } from './context';
import { blocks, code, link } from './format';

function describeElement(info: ElementInfo, where: 'top' | 'statement'): string {
  const level = info.level === 'top' ? 'top-level policy element' : 'statement element';
  const misplaced = info.level !== where
    ? (info.level === 'top' ? `Belongs at the top level of the policy, not inside a statement.` : `Belongs inside a statement (an entry of \`Statement\`), not at the top level.`)
    : undefined;
  const exclusive = info.exclusiveWith?.length ? ` Cannot be combined with ${info.exclusiveWith.map(code).join(', ')} in the same statement.` : '';
  return blocks(
    `**${info.name}** · ${level}${info.required ? ' (required)' : ''}`,
    `${info.description}${exclusive}`,
    `Values: ${info.values}`,
    misplaced,
    link(`IAM JSON policy elements: ${info.name}`, info.url),
  );
}

export function elementKeyHover(ctx: HoverContext): string | undefined {
  const { loc } = ctx;
  if (!loc.isKey || loc.path.length !== 1) return undefined;
  const name = loc.path[0];
  if (typeof name !== 'string') return undefined;
  // A key at the root of a policy is top level; inside a statement (including a bare fragment) it is a statement element.
  const where = loc.statement ? 'statement' : 'top';
  const info = lookupElement(name);
  if (info) return describeElement(info, where);
  const caseFixed = ELEMENTS.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (caseFixed) {
    return blocks(`**${code(name)}** · not a policy element`, `Element names are case-sensitive: did you mean ${code(caseFixed.name)}? IAM rejects ${code(name)}.`, link(`IAM JSON policy elements: ${caseFixed.name}`, caseFixed.url));
  }
  const valid = ELEMENTS.filter((e) => e.level === where).map((e) => code(e.name)).join(', ');
  return blocks(`**${code(name)}** · not a policy element`, `IAM accepts only ${valid} here.`, link('IAM JSON policy elements reference', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html'));
}

const EFFECT_URL = lookupElement('Effect')!.url;

export function effectValueHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  if (value === undefined || !ctx.loc.statement || ctx.loc.path.length !== 1 || elementOf(ctx) !== 'Effect') return undefined;
  const actions = 'the actions of this statement on its resources when its conditions match';
  if (value === 'Allow') {
    return blocks(
      '**Allow** · Effect',
      `Grants ${actions}, unless an explicit \`Deny\` in any applicable policy overrides it. Access also needs every other policy in play (SCPs, permissions boundaries, session policies) to allow it.`,
      `${link('IAM: Effect', EFFECT_URL)} · ${link('Policy evaluation logic', EVALUATION_PAGE)}`,
    );
  }
  if (value === 'Deny') {
    return blocks(
      '**Deny** · Effect',
      `Explicitly denies ${actions}. An explicit Deny wins over every Allow, in this or any other policy.`,
      `${link('IAM: Effect', EFFECT_URL)} · ${link('Policy evaluation logic', EVALUATION_PAGE)}`,
    );
  }
  const fixed = /^allow$/i.test(value) ? 'Allow' : /^deny$/i.test(value) ? 'Deny' : undefined;
  return blocks(
    `**${code(value)}** · invalid Effect`,
    fixed ? `Effect values are case-sensitive: write ${code(fixed)}.` : 'Effect must be `Allow` or `Deny` (case-sensitive).',
    link('IAM: Effect', EFFECT_URL),
  );
}

const VERSION_URL = lookupElement('Version')!.url;

export function versionValueHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  if (value === undefined || ctx.loc.statement || ctx.loc.path.length !== 1 || elementOf(ctx) !== 'Version') return undefined;
  if (value === '2012-10-17') {
    return blocks('**2012-10-17** · policy language version (current)', 'The current version: policy variables such as `${aws:username}` are substituted, and every newer feature is available.', link('IAM: Version', VERSION_URL));
  }
  if (value === '2008-10-17') {
    return blocks('**2008-10-17** · policy language version (legacy)', 'An earlier version: policy variables such as `${aws:username}` are taken as literal text. Use `2012-10-17`.', link('IAM: Version', VERSION_URL));
  }
  return blocks(`**${code(value)}** · invalid Version`, 'IAM accepts only `2012-10-17` (current) and `2008-10-17` (legacy); write `2012-10-17`. It is a fixed version string, not today\'s date.', link('IAM: Version', VERSION_URL));
}

/** Values of Sid, Id and any other element without its own value hover: what the element is. */
export function plainElementValueHover(ctx: HoverContext): string | undefined {
  const value = stringValue(ctx);
  const name = elementOf(ctx);
  if (value === undefined || ctx.loc.path.length !== 1 || (name !== 'Sid' && name !== 'Id')) return undefined;
  const info = lookupElement(name)!;
  if (name === 'Sid') {
    const problem = /^[A-Za-z0-9]*$/.test(value) ? '' : ' IAM identity policies accept only ASCII letters and digits here; some resource policies are more lenient.';
    return blocks(`**Sid** ${code(value)} · statement ID`, `Names this statement (shown in the outline). Must be unique within the policy.${problem}`, link('IAM: Sid', info.url));
  }
  return blocks(`**Id** ${code(value)} · policy ID`, info.description, link('IAM: Id', info.url));
}
