import { reference, type ActionInfo } from '../data/reference';
import { removeNode, replaceNode, replaceString } from '../edits';
import type { Statement, ValueItem } from '../parse/model';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { matchedActions, plainItems, textMemo, type PlainAction, type TextFacts } from './_action';
import { resourceFacts, resourceTextMemo } from './_resource-texts';
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

/** What one Action text can be authorized against: the actions it matches and their targets, by service. */
interface TextTargets {
  actions: readonly ActionInfo[];
  /** In first-seen order, without repeats. */
  targets: Target[];
  byService: Map<string, Target[]>;
}

/**
 * Whether some Action entry's actions apply to the ARN: FITS, FITS_NONE, or UNDECIDED when an entry cannot be
 * decided (unknown, `*`, a wildcard service, a variable, an intrinsic), which keeps the rule silent on the
 * statement. Entries are read in order and the walk stops at the first that fits: most ARNs fit the first entry,
 * so the targets of a statement's other entries are never looked up.
 */
function fitsAnEntry(judged: JudgedArn, s: Statement, items: readonly PlainAction[]): Verdict {
  // Every entry must be a plain string: plainItems leaves out intrinsics and variables, which are undecided.
  if (items.length === 0 || items.length !== s.actions.length) return UNDECIDED;
  for (const { facts } of items) {
    const entry = textTargets(facts);
    if (!entry) return UNDECIDED;
    if (entryFits(judged, entry)) return FITS;
  }
  return FITS_NONE;
}
const FITS = 0;
const FITS_NONE = 1;
const UNDECIDED = 2;
type Verdict = typeof FITS | typeof FITS_NONE | typeof UNDECIDED;

/** The union of the entries' targets, for the message and the fixes: only worked out for a finding. */
function targetSet(entries: readonly TextTargets[]): TargetSet {
  const actions = new Set<ActionInfo>();
  const all: Target[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const a of entry.actions) actions.add(a);
    for (const t of entry.targets) {
      if (seen.has(t.arn)) continue;
      seen.add(t.arn);
      all.push(t);
    }
  }
  return { actions: [...actions], noResourceLevel: all.length === 0, all, byService: groupByService(all) };
}

function groupByService(targets: readonly Target[]): Map<string, Target[]> {
  const byService = new Map<string, Target[]>();
  for (const t of targets) {
    const group = byService.get(t.service);
    if (group) group.push(t);
    else byService.set(t.service, [t]);
  }
  return byService;
}

/** The same texts recur in every policy (and `ec2:Describe*` matches hundreds of actions): each is worked out once. */
const textTargets = textMemo(computeTextTargets);

/** Null for `*`, a malformed text and a wildcard service (plainItems has left out variables and intrinsics). */
function computeTextTargets(facts: TextFacts): TextTargets | null {
  if (!facts.parsed || facts.parsed.serviceWildcard) return null;
  const actions = matchedActions(facts);
  if (actions.length === 0) return null;
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const a of actions) {
    const own = targetsOf(a);
    if (!own) return null;
    for (const t of own) {
      if (seen.has(t.arn)) continue;
      seen.add(t.arn);
      targets.push(t);
    }
  }
  return { actions, targets, byService: groupByService(targets) };
}

/** A resource ARN as `applies` reads it: its resource part as a glob, and its service. */
interface ArnTarget {
  resource: string;
  prefix: string;
  service: string;
}

function arnTarget(arn: ParsedArn): ArnTarget {
  const resource = policyGlob(fieldOf(arn, 'resource').text);
  return { resource, prefix: literalPrefix(resource), service: canonicalService(fieldOf(arn, 'service').text.toLowerCase()) };
}

/** A Resource ARN this rule judges: six fields and a literal, lower-case service. */
class JudgedArn {
  /** Whether an entry's actions apply to it, per entry text: the same pairs recur across statements and edits. */
  readonly fits = new Map<TextTargets, boolean>();
  private formats: readonly ArnFormat[] | null | undefined;
  private child: ArnTarget | undefined;

  constructor(
    readonly text: string,
    readonly arn: ParsedArn,
    readonly target: ArnTarget,
  ) {}

  /**
   * The formats the ARN may be of, when it is of a known format that some action lists (else null: a malformed
   * or unknown one is invalid-arn's business). Worked out once per text, as the same ARNs miss in many policies.
   */
  knownFormats(): readonly ArnFormat[] | null {
    if (this.formats === undefined) {
      const kinds = candidateFormats(this.arn);
      this.formats = !kinds || kinds.length === 0 || !kinds.some(referencedByAnAction) ? null : kinds;
    }
    return this.formats;
  }

  /** The ARN of its children (`bucket` -> `bucket/*`) as `applies` reads it. */
  childTarget(): ArnTarget {
    return (this.child ??= arnTarget(parseArn(`${this.text}/*`)));
  }
}

function entryFits(judged: JudgedArn, entry: TextTargets): boolean {
  let fits = judged.fits.get(entry);
  if (fits === undefined) judged.fits.set(entry, (fits = applies(entry, judged.target)));
  return fits;
}

/**
 * Resource ARNs recur across statements and policies: each text is read once (null: not judged), in a slot of
 * the facts the Resource rules share, so that the text is looked up once for all of them.
 */
const judgedArn = resourceTextMemo((facts): JudgedArn | null => readArn(facts.text));

function readArn(text: string): JudgedArn | null {
  const arn = parseArn(text);
  if (arn.fields.length < 6) return null;
  const service = fieldOf(arn, 'service');
  if (service.wildcard || service.variable || service.text !== service.text.toLowerCase()) return null;
  return new JudgedArn(text, arn, arnTarget(arn));
}

/** Can some action of the set be authorized against the ARN? */
function applies(set: { byService: Map<string, Target[]> }, arn: ArnTarget): boolean {
  return fitsOne(set.byService.get(arn.service), arn) || fitsOne(set.byService.get(''), arn);
}

function fitsOne(targets: readonly Target[] | undefined, arn: ArnTarget): boolean {
  if (targets) for (const t of targets) if (globsIntersect(t.resourceGlob, arn.resource, t.resourcePrefix, arn.prefix)) return true;
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

const isArnItem = (r: ValueItem): r is ValueItem & { text: string } => r.node.type === 'string' && r.text !== undefined && r.text.startsWith('arn:');

const list = (items: string[], max: number) => items.slice(0, max).join(', ') + (items.length > max ? `, and ${items.length - max} more` : '');

export const rule: Rule = {
  id: 'resource-type-mismatch',
  defaultSeverity: 'warning',
  summary: 'A resource that no action of the statement can apply to (`s3:GetObject` on a bucket ARN, `ecr:GetAuthorizationToken` on a repository).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      let set: TargetSet | undefined;
      let texts: ReturnType<typeof resourceFacts> | undefined;
      let items: readonly PlainAction[] | undefined;

      for (let i = 0; i < s.resources.length; i++) {
        const item = s.resources[i];
        if (!isArnItem(item)) continue;
        texts ??= resourceFacts(s);
        const judged = judgedArn(texts[i]!);
        if (!judged) continue;
        const { arn, target } = judged;
        // Most resources fit an action of their own entry: that settles it without the statement's whole set.
        items ??= plainItems(s, 'Action');
        const verdict = fitsAnEntry(judged, s, items);
        if (verdict === UNDECIDED) break;
        if (verdict === FITS) continue;
        // Only ARNs of a known format: a malformed or unknown one is invalid-arn's business.
        const kinds = judged.knownFormats();
        if (!kinds) continue;
        set ??= targetSet(items.map((plain) => textTargets(plain.facts)!));
        const { actions, noResourceLevel, all: targets } = set;

        // The data lists some actions' resource types incompletely (generic ones such as apigateway:GET,
        // tagging actions), and IAM matches service-level actions against an internal ARN that a
        // wildcard ARN may cover. So report only what the data decides:
        const resource = fieldOf(arn, 'resource');
        const objects = `${item.text}/*`;
        const childFits = !noResourceLevel && !item.text.endsWith('*') && applies(set, judged.childTarget());
        if (noResourceLevel) {
          // no action has a resource type: only a concrete resource (no wildcard) surely misses.
          if (resource.wildcard || resource.variable) continue;
        } else if (set.byService.has(target.service) || set.byService.has('')) {
          // same service: only the parent of an accepted resource (bucket -> bucket/*).
          if (!childFits) continue;
        }
        // else: a resource of another service than every resource the actions accept.

        const fixes: Fix[] = [];
        const resourceValue = s.element('Resource')?.value;
        if (noResourceLevel && resourceValue) {
          fixes.push({ title: 'Change Resource to "*"', edits: [replaceNode(resourceValue, '"*"')], preferred: true });
        } else if (childFits) {
          const sibling = s.resources.find((r) => isArnItem(r) && r.text === objects);
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
