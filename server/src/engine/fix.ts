import { applyEdits } from './edits';
import { lint } from './lint';
import type { Finding, LintOptions, TextEdit } from './types';

/** The edits of every finding's preferred fix that do not overlap an earlier one (one pass). */
export function collectFixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => a.offset < b.offset + b.length && b.offset < a.offset + a.length || (a.offset === b.offset && (a.length === 0 || b.length === 0));
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen;
}

/**
 * Applies preferred fixes until none is left (fixes can unlock others, e.g. a renamed element that
 * a later rule then checks). Bounded, so two fixes that undo each other cannot loop forever.
 */
export function fixAll(text: string, options: LintOptions = {}, maxPasses = 10): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = collectFixEdits(lint(current, options).findings);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
  }
  return { text: current, applied };
}
