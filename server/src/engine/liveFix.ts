import type { Fix, TextEdit } from './types';

const live = new WeakSet<Fix>();

/**
 * A fix whose edits are worked out when read, which is when a user opens the quick-fix menu or `--fix`
 * applies it, not for every finding of every lint. `compute` reads `latest.text` (PolicyDocument.latest)
 * and the nodes' current offsets, so the edits stay right when the incremental linter keeps the finding
 * after an edit elsewhere in the document: such a fix is never moved (see isLiveFix). Worked out again
 * only when the text has changed since the last read.
 */
export function liveFix(title: string, latest: { readonly text: string }, compute: () => TextEdit[], preferred = false): Fix {
  let edits: TextEdit[] | undefined;
  let computedFor: string | undefined;
  const fix: Fix = {
    title,
    get edits(): TextEdit[] {
      if (edits === undefined || computedFor !== latest.text) {
        computedFor = latest.text;
        edits = compute();
      }
      return edits;
    },
    ...(preferred ? { preferred: true } : {}),
  };
  live.add(fix);
  return fix;
}

export function isLiveFix(fix: Fix): boolean {
  return live.has(fix);
}
