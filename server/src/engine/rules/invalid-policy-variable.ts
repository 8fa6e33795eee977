import { GLOBAL_CONDITION_KEYS, lookupGlobalConditionKey } from '../data/globalConditionKeys';
import { lookupPolicyVariable, POLICY_VARIABLES } from '../data/policyVariables';
import { reference } from '../data/reference';
import type { JsonNode, Statement } from '../parse/model';
import type { Rule, RuleContext } from '../rule';
import { TextCache } from '../textCache';
import type { Fix } from '../types';
import { forEachEmbeddedString } from './_intrinsic';
import { replaceIn, spanIn } from './_span';
import { hasBraceVariable, statementsWithVariableSyntax } from './_strings-facts';
import { didYouMean } from './_util';

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

/**
 * Variables of AWS Transfer Family session policies, which are IAM policies but whose keys are not
 * condition keys in the Service Authorization Reference
 * (https://docs.aws.amazon.com/transfer/latest/userguide/users-policies-session.html).
 */
const TRANSFER_VARIABLES = new Set(['transfer:homebucket', 'transfer:homedirectory', 'transfer:homefolder', 'transfer:username']);

interface Issue {
  start: number;
  length: number;
  message: string;
  fixes?: Array<{ title: string; start: number; length: number; newText: string }>;
}

/** `${AWS::Region}`, `${BucketName}`, `${MyBucket.Arn}`: a CloudFormation (or other template) parameter, not a policy variable. */
function isTemplateParameter(name: string): boolean {
  return name.startsWith('AWS::') || !name.includes(':');
}

type Verdict = 'known' | 'multivalued' | 'unknown' | 'unjudged';

function judge(name: string): Verdict {
  if (lookupPolicyVariable(name)) return 'known';
  const global = lookupGlobalConditionKey(name);
  if (global?.multivalued) return 'multivalued';
  const key = reference().conditionKey(name);
  if (key?.type.startsWith('ArrayOf')) return 'multivalued';
  const prefix = name.slice(0, name.indexOf(':'));
  // OIDC provider keys (token.actions.githubusercontent.com:sub, oidc.eks....:sub) are valid in federation trust policies.
  if (prefix.includes('.') || prefix.includes('/')) return 'unjudged';
  if (TRANSFER_VARIABLES.has(name.toLowerCase())) return 'known';
  return 'unknown';
}

/** Candidate variable names for "did you mean", tag-style rows completed with the user's own tag key. */
function suggestions(name: string): string[] {
  const slash = name.indexOf('/');
  const tag = slash >= 0 ? name.slice(slash + 1) : 'key';
  const fill = (key: string) => key.replace(/\$\{[^}]*\}|<[^>]*>/g, tag);
  const candidates = new Set<string>();
  for (const v of POLICY_VARIABLES) if (v.kind !== 'special') candidates.add(fill(v.name));
  for (const k of GLOBAL_CONDITION_KEYS) if (!k.multivalued) candidates.add(fill(k.key));
  const prefix = name.slice(0, name.indexOf(':'));
  for (const k of reference().serviceConditionKeys(prefix)) if (!k.type.startsWith('ArrayOf')) candidates.add(fill(k.key));
  return didYouMean(name, candidates, 3);
}

/** Problems with the `${...}` variables of a string where IAM substitutes them. `offset` maps a name position in `text` to the value. */
function checkVariables(text: string, escaped: boolean): Issue[] {
  const issues: Issue[] = [];
  const open = escaped ? '${!' : '${';
  for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + open.length)) {
    const innerStart = i + open.length;
    const close = text.indexOf('}', innerStart);
    const next = text.indexOf('${', innerStart);
    if (close < 0 || (next >= 0 && next < close)) {
      const run = /^[\w:.-]*(?:\/[\w.-]+)?/.exec(text.slice(innerStart))![0];
      issues.push({ start: i, length: open.length + run.length, message: `"${text.slice(i, innerStart + run.length)}" has no closing "}": IAM does not read it as a policy variable and matches the characters literally. Close it: "\${${run || 'aws:username'}}".` });
      continue;
    }
    const inner = text.slice(innerStart, close);
    const whole = text.slice(i, close + 1);
    const m = /^(.*?)\s*,\s*'(.*)'\s*$/s.exec(inner);
    const rawName = m ? m[1] : inner;
    const name = rawName.trim();
    if (name === '') {
      issues.push({ start: i, length: whole.length, message: `"${whole}" is an empty policy variable: IAM has nothing to substitute. Name a key, for example \${aws:username}.` });
      continue;
    }
    if (isTemplateParameter(name)) continue;
    if (name === '*' || name === '?' || name === '$') continue;
    if (/\s/.test(rawName)) {
      const fixed = rawName.replace(/\s+/g, '');
      issues.push({
        start: i,
        length: whole.length,
        message: `"${whole}" has whitespace in the variable name: IAM does not recognize "${rawName}" as a key, so nothing is substituted. Write "\${${fixed}${m ? `, '${m[2]}'` : ''}}".`,
        fixes: [{ title: `Remove the whitespace: \${${fixed}}`, start: innerStart, length: rawName.length, newText: fixed }],
      });
      continue;
    }
    const verdict = judge(name);
    if (verdict === 'multivalued') {
      issues.push({ start: i, length: whole.length, message: `"${whole}": ${name} is a multivalued key (a list), and IAM substitutes only single-valued keys. Test it in a condition with ForAnyValue:/ForAllValues: instead.` });
    } else if (verdict === 'unknown') {
      const near = suggestions(name);
      issues.push({
        start: i,
        length: whole.length,
        message:
          `"${whole}": "${name}" is neither a policy variable nor a condition key IAM knows, so the request never has a value for it and the statement does not match (see ${PAGE}).` +
          (near.length ? ` Did you mean ${near.map((n) => `"\${${n}}"`).join(', ')}?` : ''),
        fixes: near.map((n) => ({ title: `Change to \${${n}}`, start: innerStart, length: rawName.length, newText: n })),
      });
    }
  }
  // {aws:username} without the $: a literal, not a variable.
  if (!escaped) {
    for (const m of text.matchAll(/(?<![$!])\{([A-Za-z0-9-]+:[^{}\s,]+)\}/g)) {
      if (judge(m[1]) !== 'known') continue;
      issues.push({
        start: m.index!,
        length: m[0].length,
        message: `"${m[0]}" lacks the "$": IAM matches it literally instead of substituting ${m[1]}. Write "\${${m[1]}}".`,
        fixes: [{ title: `Insert "$": \${${m[1]}}`, start: m.index!, length: 0, newText: '$' }],
      });
    }
  }
  return issues;
}

/** In an Fn::Sub template CloudFormation takes `${aws:username}` for its own parameter: it must be `${!aws:username}`. */
function checkSub(text: string): Issue[] {
  const issues: Issue[] = [];
  for (const m of text.matchAll(/\$\{(?!!)([^}]*)\}/g)) {
    const name = m[1].trim();
    if (isTemplateParameter(name) || name === '') continue;
    issues.push({
      start: m.index!,
      length: m[0].length,
      message: `"${m[0]}" in an Fn::Sub string: CloudFormation reads it as one of its own parameters (the stack fails to deploy) instead of passing it to IAM. Write "\${!${m[1]}}" so that IAM receives "${m[0]}".`,
      fixes: [{ title: `Escape it: \${!${m[1]}}`, start: m.index! + 2, length: 0, newText: '!' }],
    });
  }
  return issues.concat(checkVariables(text, true));
}

function reportIssues(ctx: RuleContext, node: JsonNode, issues: readonly Issue[]): void {
  for (const issue of issues) {
    const fixes: Fix[] = (issue.fixes ?? []).map((f, _, all) => ({
      title: f.title,
      edits: [replaceIn(ctx.doc.text, node, f.start, f.length, f.newText)],
      ...(all.length === 1 ? { preferred: true } : {}),
    }));
    ctx.report({ ...spanIn(ctx.doc.text, node, issue.start, issue.length), message: issue.message, fixes });
  }
}

/** Variables where IAM does not substitute them. */
function checkNotExpanded(ctx: RuleContext, node: JsonNode | undefined, text: string, where: string): void {
  // Every issue starts at a `${`.
  if (!node || !text.includes('${')) return;
  const issues: Issue[] = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    const name = m[1].trim();
    if (isTemplateParameter(name) && name !== '*' && name !== '?' && name !== '$') continue;
    issues.push({
      start: m.index!,
      length: m[0].length,
      message: `"${m[0]}" in ${where} is not substituted: IAM expands policy variables only in Resource/NotResource and in condition values, so here it is taken literally.`,
    });
  }
  reportIssues(ctx, node, issues);
}

/** A string where IAM substitutes variables (Resource, NotResource, condition values). */
function checkExpanded(node: JsonNode, text: string, sub: boolean, ctx: RuleContext): void {
  if (sub) reportIssues(ctx, node, checkSub(text));
  // Every issue of checkVariables starts at a `${` or a `{`.
  else if (text.includes('{')) reportIssues(ctx, node, expandedIssues.get(text, checkExpandedText));
}

/**
 * checkVariables of a string where IAM substitutes variables, by text: the same ARNs with `${aws:username}`
 * recur across statements and documents, and judging each variable takes several lookups.
 */
const expandedIssues = new TextCache<readonly Issue[]>(2_000);
const checkExpandedText = (text: string): readonly Issue[] => checkVariables(text, false);

function checkAction(node: JsonNode, text: string, sub: boolean, ctx: RuleContext): void {
  if (!sub) checkNotExpanded(ctx, node, text, 'Action');
}

function checkNotAction(node: JsonNode, text: string, sub: boolean, ctx: RuleContext): void {
  if (!sub) checkNotExpanded(ctx, node, text, 'NotAction');
}

function checkStatement(ctx: RuleContext, s: Statement): void {
  // The model's items; the elements themselves only where those are empty (see forEachEmbeddedString).
  forEachEmbeddedString(s.resources, s.resources.length === 0 ? s.element('Resource')?.value : undefined, checkExpanded, ctx);
  forEachEmbeddedString(s.notResources, s.notResources.length === 0 ? s.element('NotResource')?.value : undefined, checkExpanded, ctx);
  for (const block of s.conditions) {
    checkNotExpanded(ctx, block.operatorNode, block.operator, 'a condition operator');
    for (const entry of block.entries) {
      // Only with a `${` in it: the description of where is a new string.
      if (entry.key.includes('${')) checkNotExpanded(ctx, entry.keyNode, entry.key, `the condition key "${entry.key}"`);
      forEachEmbeddedString(entry.values, entry.values.length === 0 ? entry.valueNode : undefined, checkExpanded, ctx);
    }
  }
  forEachEmbeddedString(s.actions, s.actions.length === 0 ? s.element('Action')?.value : undefined, checkAction, ctx);
  forEachEmbeddedString(s.notActions, s.notActions.length === 0 ? s.element('NotAction')?.value : undefined, checkNotAction, ctx);
  for (const name of ['Effect', 'Sid'] as const) {
    const value = s.element(name)?.value;
    if (value?.type === 'string') checkNotExpanded(ctx, value, value.value as string, name);
  }
}

export const rule: Rule = {
  id: 'invalid-policy-variable',
  defaultSeverity: 'error',
  summary: 'A malformed `${...}` (no closing brace, whitespace, empty), an unknown or multivalued variable, or a variable where IAM does not expand it (Action, Effect, Sid, condition keys).',
  scope: 'statement',
  check(ctx) {
    const { doc } = ctx;
    // Nothing to check without a `${`, a `{prefix:key}` or a backslash (an escape can spell either brace,
    // as in `$\u007baws:username}`): most documents.
    if (!doc.text.includes('${') && !hasBraceVariable(doc.text) && !doc.text.includes('\\')) return;
    // Nor in a statement without one in its text (or an escape, which can spell them).
    const candidates = statementsWithVariableSyntax(doc.text, doc.statements);
    for (let i = 0; i < doc.statements.length; i++) {
      if (candidates[i]) checkStatement(ctx, doc.statements[i]);
    }
  },
};
