/** Hover on a `${...}` policy variable when the cursor is inside it. */
import { lookupPolicyVariable, policyVariablesIn } from '../data/policyVariables';
import { conditionKeyView } from '../conditionKeyInfo';
import { parseOperator } from '../data/operators';
import { CURRENT_VERSION } from '../parse/grammar';
import { rawStringContent } from '../locate';
import { POLICY_VARIABLES_PAGE } from '../serviceDocs';
import type { HoverContent, HoverContext } from './context';
import { blocks, code, link } from './format';

/** Where IAM substitutes variables: Resource/NotResource and String/ARN condition values. */
function substitutionProblem(ctx: HoverContext): string | undefined {
  const { loc } = ctx;
  const version = loc.doc.version?.value;
  if (loc.doc.kind !== 'fragment' && (!version || version.value !== CURRENT_VERSION)) {
    return `**Taken literally here**: the policy's \`Version\` is not \`${CURRENT_VERSION}\`, so IAM does not substitute variables.`;
  }
  if (!loc.statement) return undefined;
  const el = loc.path[0];
  if (el === 'Resource' || el === 'NotResource') return undefined;
  if (el === 'Condition') {
    if (loc.isKey) return loc.path.length === 3 ? '**Not substituted in a condition key name**: only in values.' : undefined;
    const op = parseOperator(String(loc.path[1]));
    if (op && !op.base.policyVariables) return `**Not substituted here**: ${code(op.base.name)} values take no policy variables (only String and ARN operators do).`;
    return undefined;
  }
  return `**Not substituted in ${code(String(el))}**: policy variables work only in \`Resource\`, \`NotResource\` and String/ARN condition values.`;
}

export function policyVariableHover(ctx: HoverContext): HoverContent | undefined {
  const node = ctx.loc.node;
  if (node.type !== 'string') return undefined;
  const { start, raw } = rawStringContent(ctx.text, node);
  const inString = ctx.offset - start;
  const use = policyVariablesIn(raw).find((u) => inString >= u.offset && inString <= u.offset + u.length);
  if (!use) return undefined;
  const written = raw.slice(use.offset, use.offset + use.length);
  const info = lookupPolicyVariable(use.name);
  const range = { offset: start + use.offset, length: use.length };
  let body: string;
  let url = POLICY_VARIABLES_PAGE;
  if (info) {
    url = info.url;
    const tag = /^aws:PrincipalTag\/(.+)$/i.exec(use.name);
    const detail = tag ? ` Tag key: ${code(tag[1])}.` : '';
    body = `Resolves to: ${info.resolvesTo}${detail}`;
  } else {
    const view = conditionKeyView(use.name);
    body = view?.multivalued
      ? `${code(use.name)} is multivalued: IAM cannot substitute a list, so it cannot be a policy variable.`
      : `Not a known condition key: IAM cannot resolve it, so the comparison fails.`;
  }
  const absent = info && info.kind !== 'special'
    ? use.defaultValue !== undefined
      ? `When the request has no value for it, ${code(use.defaultValue)} is used instead.`
      : 'When the request has no value for it, this entry matches nothing (add a default with `${key, \'value\'}`).'
    : undefined;
  const markdown = blocks(`**${written}** · policy variable`, body, absent, substitutionProblem(ctx), link('IAM: policy variables', url));
  return { markdown, range };
}
