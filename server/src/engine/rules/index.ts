import type { Rule } from '../rule';

/** The registry: one line per rule. A test checks that every catalog id has a module, docs and tests. */
export const ALL_RULES: readonly Rule[] = [
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
