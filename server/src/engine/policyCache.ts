import { parsePolicy } from './parse/parse';
import type { PolicyDocument } from './parse/model';
import type { LintOptions } from './types';

/**
 * Hover, completion and the outline ask about the same text many times in a row (every mouse move,
 * every keystroke's completion, the outline after each edit): parse each text once. The few most
 * recent texts are kept; the documents returned are shared, so callers must not mutate them.
 */
const CACHE_SIZE = 4;
const cache: Array<{ text: string; key: string; doc: PolicyDocument }> = [];

export function parseCached(text: string, options: LintOptions = {}): PolicyDocument {
  const key = `${options.kind ?? ''}|${options.strictJson === true}`;
  const index = cache.findIndex((e) => e.key === key && e.text === text);
  if (index >= 0) {
    const [entry] = cache.splice(index, 1);
    cache.unshift(entry);
    return entry.doc;
  }
  const doc = parsePolicy(text, { kind: options.kind, strictJson: options.strictJson });
  cache.unshift({ text, key, doc });
  if (cache.length > CACHE_SIZE) cache.pop();
  return doc;
}
