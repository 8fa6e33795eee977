import { reference, type ActionInfo } from '../data/reference';
import { isBroadResource } from '../match';
import { allStatements, type Statement } from '../parse/model';
import type { Rule } from '../rule';
import { mayGrantFrom, memo } from './_util';
import { allowHasGuard, deniedWithGuard, guardingDenyText, ruleGrants, grantingEntry, isGrantingKind, keyIs, lazy, listActions, SAGEMAKER, type KeyPredicate } from './_grants';

interface Family {
  /** sagemaker:NotebookInstanceLifecycleConfigArns / sagemaker:StudioLifecycleConfigArns */
  key: string;
  isKey: KeyPredicate;
  /** Actions that attach a lifecycle configuration and accept the key. */
  attach: ActionInfo[];
  /** Actions that write the lifecycle configuration itself (its script). */
  author: ActionInfo[];
}

/** `notebook-instance-lifecycle-config` -> `NotebookInstanceLifecycleConfig` */
function pascal(name: string): string {
  return name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

let families: Family[] | undefined;

/**
 * Derived from the reference data: each lifecycle-config resource type (`notebook-instance-lifecycle-config`,
 * `studio-lifecycle-config`) and its `sagemaker:<Type>Arns` condition key. Attaching actions are those that
 * accept the key, except app and space actions: those can only pick a configuration already attached to the
 * domain or user profile. Authoring actions create or update a configuration of that type.
 */
function lifecycleFamilies(): Family[] {
  if (families) return families;
  const ref = reference();
  const actions = ref.actions('sagemaker');
  families = ref
    .resourceTypes('sagemaker')
    .filter((t) => t.name.endsWith('lifecycle-config'))
    .map((t) => {
      const key = ref.serviceConditionKeys('sagemaker').find((k) => k.key.toLowerCase() === `sagemaker:${pascal(t.name)}arns`.toLowerCase())?.key;
      if (!key) return undefined;
      const attach = actions.filter((a) => {
        if (!ref.actionSupportsConditionKey(a, key)) return false;
        const required = a.resourceTypes.filter((r) => r.required).map((r) => r.name);
        return !required.every((r) => r === 'app' || r === 'space') || required.length === 0;
      });
      const author = actions.filter(
        (a) => /^(Create|Update)/.test(a.name) && a.resourceTypes.some((r) => r.required && r.name === t.name),
      );
      return { key, isKey: keyIs(key), attach, author };
    })
    .filter((f): f is Family => f !== undefined);
  return families;
}

/** Scope: besides the Deny statements with a condition, the other statements matter through which families' attach actions they allow. */
function attachesAndDenies(s: Statement, text: string): string {
  return guardingDenyText(s, text) + attaches(s).map((a) => (a ? '1' : '0')).join('');
}

/** For each family, whether the statement grants one of its attaching actions (asked of every statement after each edit). */
const attaches = memo((s: Statement): readonly boolean[] =>
  mayGrantFrom(s, SAGEMAKER) ? lifecycleFamilies().map((f) => ruleGrants(s, f.attach).length > 0) : attachesNone(),
);
/** Shared by the statements that cannot grant a SageMaker action (the most). */
const attachesNone = lazy((): readonly boolean[] => lifecycleFamilies().map(() => false));

/** On `*`, `arn:...:*`, `<type>/*` or through NotResource: every configuration or notebook, not a named one. */
function onEverything(s: Statement): boolean {
  return s.element('NotResource') !== undefined || s.resources.some((r) => r.text !== undefined && isBroadResource(r.text));
}

export const rule: Rule = {
  id: 'lifecycle-config-unrestricted',
  defaultSeverity: 'info',
  summary: 'Notebook/Studio lifecycle-config creation, or attaching one (`CreateNotebookInstance`, `UpdateNotebookInstance`, user profiles, domains), on `*` without lifecycle-config ARN conditions.',
  scope: attachesAndDenies,
  check({ doc, kind, report }) {
    if (!isGrantingKind(kind)) return;
    const fams = lifecycleFamilies();
    let attachAllowed: boolean[] | undefined;
    for (const s of doc.statements) {
      // Every action of the families is a SageMaker action: most statements cannot grant one.
      if (!mayGrantFrom(s, SAGEMAKER) || !onEverything(s)) continue;
      // Does some Allow statement let the caller attach a configuration of the family (guarded or not)?
      attachAllowed ??= fams.map((_, i) => allStatements(doc).some((other) => attaches(other)[i]));
      const attach: ActionInfo[] = [];
      const author: ActionInfo[] = [];
      const keys = new Set<string>();
      fams.forEach((f, i) => {
        const open = ruleGrants(s, f.attach).filter((a) => !allowHasGuard(s, f.isKey) && !deniedWithGuard(doc, a, f.isKey));
        if (open.length > 0) keys.add(f.key);
        attach.push(...open);
        if (attachAllowed![i]) {
          const writes = ruleGrants(s, f.author);
          if (writes.length > 0) keys.add(f.key);
          author.push(...writes);
        }
      });
      if (attach.length === 0 && author.length === 0) continue;
      const target = grantingEntry(s, [...attach, ...author]);
      if (!target) continue;
      const keyList = [...keys].map((k) => `"${k}"`).join(' / ');
      const parts: string[] = [];
      if (attach.length > 0) {
        parts.push(`${listActions(attach)} ${attach.length > 1 ? 'are' : 'is'} allowed on every resource without a ${keyList} condition: the caller can attach any lifecycle configuration of the account`);
      }
      if (author.length > 0) {
        parts.push(`${listActions(author)} ${author.length > 1 ? 'are' : 'is'} allowed on every lifecycle configuration while this document lets the caller attach them: the caller can write the script that then runs`);
      }
      report({
        node: target.node,
        message:
          `${parts.join('; ')}. A lifecycle configuration is a shell script that runs (as root on notebook instances) with the execution role's ` +
          `rights. Allow only approved configurations with "ForAllValues:ArnLike": {${keyList.split(' / ')[0]}: ["arn:aws:sagemaker:...:...-lifecycle-config/approved-*"]} ` +
          'and keep their creation to administrators.',
      });
    }
  },
};
