import { parsePolicy } from './parse/parse';
import type { LintOptions } from './types';

/** LSP SymbolKind numbers (kept here so the engine stays free of LSP packages). */
const SymbolKindNumber = { Object: 19, Array: 18 } as const;

export interface PolicySymbol {
  name: string;
  detail: string;
  kind: number;
  offset: number;
  length: number;
  selectionOffset: number;
  selectionLength: number;
}

/** The outline: one entry per statement, named by Sid (or index), with its effect and action count. */
export function documentSymbols(text: string, options: LintOptions = {}): PolicySymbol[] {
  const doc = parsePolicy(text, options);
  if (doc.kind === null) return [];
  return doc.statements.map((s) => {
    const actions = s.actions.length || s.notActions.length;
    const verb = s.notActions.length ? 'NotAction' : 'action';
    const sidNode = s.element('Sid')?.value;
    const selection = sidNode ?? s.node;
    return {
      name: s.sid ? s.sid : `Statement ${s.index + 1}`,
      detail: `${s.effect ?? '(no Effect)'} · ${actions} ${verb}${actions === 1 ? '' : 's'}`,
      kind: SymbolKindNumber.Object,
      offset: s.node.offset,
      length: s.node.length,
      selectionOffset: selection.offset,
      selectionLength: selection === s.node ? 1 : selection.length,
    };
  });
}
