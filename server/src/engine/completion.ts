import { parsePolicy } from './parse/parse';
import { locate } from './locate';
import { reference } from './data/reference';
import type { LintOptions } from './types';

/** LSP CompletionItemKind numbers, kept here so the engine stays free of LSP packages. */
export const ItemKind = { Property: 10, Value: 12, Keyword: 14, Module: 9, Function: 3, Operator: 24, EnumMember: 20 } as const;

export interface CompletionEntry {
  label: string;
  insertText: string;
  filterText?: string;
  detail?: string;
  documentation?: string;
  kind: number;
}

export interface CompletionResult {
  /** The span the chosen item replaces (inside the string's quotes). */
  offset: number;
  length: number;
  items: CompletionEntry[];
  isIncomplete: boolean;
}

/** Completions for the string at `offset`: service prefixes and actions in `Action`/`NotAction`. */
export function complete(text: string, offset: number, options: LintOptions = {}): CompletionResult | undefined {
  const doc = parsePolicy(text, options);
  const loc = locate(doc, offset);
  if (!loc || loc.node.type !== 'string' || loc.isKey) return undefined;
  const start = loc.node.offset + 1;
  // A string still being typed may have no closing quote yet: complete up to the cursor.
  const closed = loc.node.length >= 2 && text[loc.node.offset + loc.node.length - 1] === '"';
  const end = closed ? loc.node.offset + loc.node.length - 1 : loc.node.offset + loc.node.length;
  const typed = text.slice(start, Math.max(start, Math.min(offset, end)));
  if (loc.path[0] === 'Action' || loc.path[0] === 'NotAction') {
    return { offset: start, length: end - start, items: actionItems(typed), isIncomplete: false };
  }
  return undefined;
}

function actionItems(typed: string): CompletionEntry[] {
  const ref = reference();
  const colon = typed.indexOf(':');
  if (colon < 0) {
    const prefix = typed.toLowerCase();
    return ref.services().filter((s) => s.startsWith(prefix)).map((s) => ({
      label: `${s}:`,
      insertText: `${s}:`,
      detail: ref.serviceName(s),
      kind: ItemKind.Module,
    }));
  }
  const service = typed.slice(0, colon);
  const namePrefix = typed.slice(colon + 1).toLowerCase();
  const actions = ref.actions(service).filter((a) => a.name.toLowerCase().startsWith(namePrefix));
  const items: CompletionEntry[] = actions.map((a) => ({
    label: `${a.service}:${a.name}`,
    insertText: `${a.service}:${a.name}`,
    detail: a.accessLevel,
    documentation: ref.actionDescription(a.service, a.name),
    kind: ItemKind.Function,
  }));
  if (namePrefix === '') items.unshift({ label: `${service}:*`, insertText: `${service}:*`, detail: 'every action of the service', kind: ItemKind.Keyword });
  return items;
}
