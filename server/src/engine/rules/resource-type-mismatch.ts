import { reference, type ActionInfo } from '../data/reference';
import { removeNode, replaceNode, replaceString } from '../edits';
import type { Statement, ValueItem } from '../parse/model';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { parseAction } from './_action';
import { candidateFormats, fieldOf, globsIntersect, literalPrefix, parseArn, policyGlob, templateGlob, type ArnFormat, type ParsedArn } from './_arn';

interface Target {
  name: string;
  arn: string;
  /** Lower-cased service of the format; '' when it is a placeholder (backup's ${Vendor}). */
  service: string;
  resourceGlob: string;
  resourcePrefix: string;
}

/**
 * Services that AWS renamed and whose ARNs are accepted under either name (hand-kept:
 * https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html). The reference lists each
 * action only with the ARN of its own prefix.
 */
const ARN_SERVICE_ALIASES: Record<string, string> = { 'codestar-connections': 'codeconnections' };
const canonicalService = (service: string) => ARN_SERVICE_ALIASES[service] ?? service;

/** What a statement's actions can be authorized against. */
interface TargetSet {
  actions: ActionInfo[];
  /** Every action lacks resource types: only "*" applies. */
  noResourceLevel: boolean;
  all: Target[];
  byService: Map<string, Target[]>;
}

/** The ARN formats an action can be authorized against; null when the data cannot say (a resource type it does not describe). */
const targetCache = new WeakMap<ActionInfo, Target[] | null>();

function targetsOf(action: ActionInfo): Target[] | undefined {
  let targets = targetCache.get(action);
  if (targets === undefined) {
    targets = [];
    for (const rt of action.resourceTypes) {
      const info = reference().resourceType(action.service, rt.name);
      const parsed = info && parseArn(info.arn);
      if (!info || !parsed || parsed.fields.length < 6) {
        targets = null;
        break;
      }
      const service = fieldOf(parsed, 'service').text;
      const resourceGlob = templateGlob(fieldOf(parsed, 'resource').text);
      targets.push({ name: rt.name, arn: info.arn, service: service.includes('${') ? '' : canonicalService(service.toLowerCase()), resourceGlob, resourcePrefix: literalPrefix(resourceGlob) });
    }
    targetCache.set(action, targets);
  }
  return targets ?? undefined;
}

/** Statements repeat across documents (and `ec2:*` expands to hundreds of actions): sets are cached by the Action texts. */
const setCache = new Map<string, TargetSet | null>();

/** Undefined when one Action entry cannot be decided (unknown, `*`, a wildcard service, a variable, an intrinsic). */
function targetSet(s: Statement): TargetSet | undefined {
  if (s.actions.length === 0) return undefined;
  const texts: string[] = [];
  for (const item of s.actions) {
    if (item.node.type !== 'string' || item.text === undefined || item.text.includes('${') || item.text === '*') return undefined;
    texts.push(item.text.toLowerCase());
  }
  const key = texts.join('\n');
  let set = setCache.get(key);
  if (set === undefined) {
    set = buildSet(texts);
    if (setCache.size > 2000) setCache.clear();
    setCache.set(key, set);
  }
  return set ?? undefined;
}

function buildSet(texts: string[]): TargetSet | null {
  const actions = new Set<ActionInfo>();
  for (const text of texts) {
    const parsed = parseAction(text);
    if (!parsed || parsed.serviceWildcard) return null;
    const matched = reference().matchActions(text);
    if (matched.length === 0) return null;
    for (const a of matched) actions.add(a);
  }
  const all: Target[] = [];
  const seen = new Set<string>();
  for (const a of actions) {
    const targets = targetsOf(a);
    if (!targets) return null;
    for (const t of targets) {
      if (seen.has(t.arn)) continue;
      seen.add(t.arn);
      all.push(t);
    }
  }
  const byService = new Map<string, Target[]>();
  for (const t of all) byService.set(t.service, [...(byService.get(t.service) ?? []), t]);
  return { actions: [...actions], noResourceLevel: all.length === 0, all, byService };
}

function applies(set: TargetSet, arn: ParsedArn): boolean {
  const resource = policyGlob(fieldOf(arn, 'resource').text);
  const prefix = literalPrefix(resource);
  const service = canonicalService(fieldOf(arn, 'service').text.toLowerCase());
  for (const key of [service, '']) {
    for (const t of set.byService.get(key) ?? []) if (globsIntersect(t.resourceGlob, resource, t.resourcePrefix, prefix)) return true;
  }
  return false;
}

const referenced = new Map<string, Set<string>>();

/**
 * Resource types (service + name) that at least one action of the reference lists. A type no action
 * lists (apigateway's `Apis`: the generic GET/POST/... actions list only REST API paths) shows the
 * data is incomplete there: such ARNs are not judged.
 */
function referencedByAnAction(format: ArnFormat): boolean {
  let types = referenced.get(format.tableService);
  if (!types) {
    // Per service, on first use: only that service's actions are read.
    types = new Set(reference().actions(format.tableService).flatMap((a) => a.resourceTypes.map((rt) => rt.name.toLowerCase())));
    referenced.set(format.tableService, types);
  }
  return types.has(format.resourceType.toLowerCase());
}

const list = (items: string[], max: number) => items.slice(0, max).join(', ') + (items.length > max ? `, and ${items.length - max} more` : '');

export const rule: Rule = {
  id: 'resource-type-mismatch',
  defaultSeverity: 'warning',
  summary: 'A resource that no action of the statement can apply to (`s3:GetObject` on a bucket ARN, `ecr:GetAuthorizationToken` on a repository).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const arns = s.resources.filter((r): r is ValueItem & { text: string } => r.node.type === 'string' && r.text !== undefined && r.text.startsWith('arn:'));
      if (arns.length === 0) continue;
      const set = targetSet(s);
      if (!set) continue;
      const { actions, noResourceLevel, all: targets } = set;

      for (const item of arns) {
        const arn = parseArn(item.text);
        if (arn.fields.length < 6) continue;
        const service = fieldOf(arn, 'service');
        if (service.wildcard || service.variable || service.text !== service.text.toLowerCase()) continue;
        // Only ARNs of a known format: a malformed or unknown one is invalid-arn's business.
        const kinds = candidateFormats(arn);
        if (!kinds || kinds.length === 0 || !kinds.some(referencedByAnAction)) continue;
        if (applies(set, arn)) continue;

        // The data lists some actions' resource types incompletely (generic ones such as apigateway:GET,
        // tagging actions), and IAM matches service-level actions against an internal ARN that a
        // wildcard ARN may cover. So report only what the data decides:
        const resource = fieldOf(arn, 'resource');
        const objects = `${item.text}/*`;
        const childFits = !noResourceLevel && !item.text.endsWith('*') && applies(set, parseArn(objects));
        if (noResourceLevel) {
          // no action has a resource type: only a concrete resource (no wildcard) surely misses.
          if (resource.wildcard || resource.variable) continue;
        } else if (set.byService.has(canonicalService(service.text)) || set.byService.has('')) {
          // same service: only the parent of an accepted resource (bucket -> bucket/*).
          if (!childFits) continue;
        }
        // else: a resource of another service than every resource the actions accept.

        const fixes: Fix[] = [];
        const resourceValue = s.element('Resource')?.value;
        if (noResourceLevel && resourceValue) {
          fixes.push({ title: 'Change Resource to "*"', edits: [replaceNode(resourceValue, '"*"')], preferred: true });
        } else if (childFits) {
          const sibling = arns.find((r) => r.text === objects);
          fixes.push(
            sibling && resourceValue?.type === 'array'
              ? { title: `Remove "${item.text}" ("${objects}" is already listed)`, edits: removeNode(doc.text, item.node), preferred: true }
              : { title: `Change to "${objects}"`, edits: [replaceString(item.node, objects)], preferred: true },
          );
        }

        const names = actions.map((a) => `${a.service}:${a.name}`);
        const what = [...new Set(kinds.map((k) => k.resourceType))].slice(0, 2).join(' or ');
        const subject = list(names, 3);
        let message: string;
        if (noResourceLevel) {
          message = `${subject} ${actions.length === 1 ? 'does' : 'do'} not support resource-level permissions: IAM authorizes ${actions.length === 1 ? 'it' : 'them'} only against "Resource": "*", so "${item.text}" (${what}) grants nothing here. Use "*" (and a condition to narrow it, if the actions support one).`;
        } else {
          const accepted = list(targets.map((t) => `${t.name} (${t.arn})`), 3);
          const head = actions.length === 1 ? `${names[0]} does not apply to "${item.text}" (${what}): it acts on` : `None of ${list(names, 3)} applies to "${item.text}" (${what}): they act on`;
          message = `${head} ${accepted}. IAM never matches this entry for these actions, so it grants nothing.` + (fixes.length ? ` Did you mean "${item.text}/*"?` : ' Name a resource of the accepted type.');
        }
        report({ node: item.node, message, fixes });
      }
    }
  },
};
