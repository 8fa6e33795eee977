import { parseCached } from './policyCache';
import { stringItems } from './parse/json';
import type { Property, Statement } from './parse/model';
import type { LintOptions } from './types';

/** LSP SymbolKind numbers (kept here so the engine stays free of LSP packages). */
const SymbolKindNumber = { Field: 8, Key: 20, Object: 19, Array: 18, Operator: 25 } as const;

export interface PolicySymbol {
  name: string;
  detail: string;
  kind: number;
  offset: number;
  length: number;
  selectionOffset: number;
  selectionLength: number;
  /** The statement's elements (and a Condition's operators and keys), for the outline's tree. */
  children?: PolicySymbol[];
}

/** The outline: one entry per statement, named by Sid (or index), with its effect and action count. */
export function documentSymbols(text: string, options: LintOptions = {}): PolicySymbol[] {
  const doc = parseCached(text, options);
  if (doc.kind === null) return [];
  return doc.statements.map((s) => {
    const actions = s.actions.length || s.notActions.length;
    const verb = s.notActions.length && !s.actions.length ? 'NotAction' : 'action';
    const sidNode = s.element('Sid')?.value;
    const selection = sidNode ?? s.node;
    return {
      name: s.sid ? s.sid : `Statement ${s.index + 1}`,
      detail: `${s.effect || '(no Effect)'} · ${actions} ${verb}${actions === 1 ? '' : 's'}`,
      kind: SymbolKindNumber.Object,
      offset: s.node.offset,
      length: s.node.length,
      selectionOffset: selection.offset,
      selectionLength: selection === s.node ? 1 : selection.length,
      children: elementSymbols(s),
    };
  });
}

function symbolOf(p: Property, detail: string, kind: number, children?: PolicySymbol[]): PolicySymbol {
  return {
    name: p.key,
    detail,
    kind,
    offset: p.node.offset,
    length: p.node.length,
    selectionOffset: p.keyNode.offset,
    selectionLength: p.keyNode.length,
    ...(children && children.length ? { children } : {}),
  };
}

/** `sagemaker:CreateApp`, or `3 entries` for a list, or the one value shortened. */
function summary(p: Property): string {
  const items = stringItems(p.value).map((i) => i.text!);
  if (p.value?.type === 'object') return '';
  if (items.length === 1) return items[0].length > 60 ? `${items[0].slice(0, 57)}…` : items[0];
  return `${items.length} entries`;
}

function elementSymbols(s: Statement): PolicySymbol[] {
  return s.properties.filter((p) => p.key !== 'Sid').map((p) => {
    if (p.key === 'Condition') {
      const operators = s.conditions.map((block) =>
        symbolOf(block.property, `${block.entries.length} key${block.entries.length === 1 ? '' : 's'}`, SymbolKindNumber.Operator, block.entries.map((e) => symbolOf(e.property, summary(e.property), SymbolKindNumber.Key))),
      );
      return symbolOf(p, `${s.conditions.length} operator${s.conditions.length === 1 ? '' : 's'}`, SymbolKindNumber.Object, operators);
    }
    if ((p.key === 'Principal' || p.key === 'NotPrincipal') && p.value?.type === 'object') {
      const types = (p.value.children ?? []).flatMap((child) => {
        const key = child.children?.[0];
        if (!key || typeof key.value !== 'string') return [];
        const prop: Property = { key: key.value, keyNode: key, value: child.children?.[1], node: child };
        return [symbolOf(prop, summary(prop), SymbolKindNumber.Key)];
      });
      return symbolOf(p, types.map((t) => t.name).join(', '), SymbolKindNumber.Object, types);
    }
    const kind = p.value?.type === 'array' ? SymbolKindNumber.Array : SymbolKindNumber.Field;
    return symbolOf(p, summary(p), kind);
  });
}
