/**
 * A bounded cache keyed by texts read from documents (action names, ARNs, condition keys, operators): the same
 * texts recur in every policy and on every keystroke, and what the rules derive from them is worked out once.
 *
 * V8 slices strings without copying them, so a key taken straight from a document would keep that document's
 * whole text alive, and an editor makes a new text on every keystroke. Keys are stored as copies of their own,
 * and values are computed from that copy, so what they slice pins only the copy.
 * When full, the cache starts again empty: simple, and one editing session's working set is far smaller.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /**
   * The value for `key`; on a miss, `compute` works it out from the cache's own copy of the key (and the
   * `context`, which saves callers a closure on every call).
   */
  get<C>(key: string, compute: (key: string, context: C) => V, context?: C): V {
    const value = this.entries.get(key);
    if (value !== undefined || this.entries.has(key)) return value as V;
    const own = ownCopy(key);
    const computed = compute(own, context as C);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(own, computed);
    return computed;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A copy of the text that shares no storage with the string it came from, in one flat piece. JSON.parse
 * builds a new flat string; a slice of a concatenation (`(' ' + text).slice(1)`) would be a view of another
 * string, and every comparison with a cached key would read two objects instead of one: the keys of a cache
 * are read on every lookup, and a lint's lookups were about 15% slower that way. Only a miss pays the round trip.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
