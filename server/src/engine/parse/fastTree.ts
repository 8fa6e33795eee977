/**
 * A fast path for the common case, well-formed JSON: builds exactly the tree jsonc-parser's `parseTree`
 * builds (same nodes, offsets, values and parent links), several times faster, because it has no visitor,
 * no error recovery and no per-token scanner state. Anything it does not expect (a syntax error, a comment,
 * a character JSON does not allow between tokens, brackets nested deeper than `maxNesting`) makes it give up and
 * return undefined; the caller then runs jsonc-parser, which reports errors and recovers from them.
 * test/unit/parse.test.ts compares both on every managed policy and on mutated texts.
 */
import type { JsonNode } from './model';

type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] };

/** Thrown (and caught below) to abandon the fast path. */
const GIVE_UP = new Error('not plain JSON');

export function fastParseTree(text: string, maxNesting: number): JsonNode | undefined {
  const n = text.length;
  let i = 0;

  const skipSpace = (): void => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
    }
  };

  /** The string token at `i` (an opening quote): its value; `i` moves past the closing quote. */
  const readString = (): string => {
    const start = ++i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return text.slice(start, i++);
      if (c === 0x5c) return readEscaped(start);
      if (c < 0x20) throw GIVE_UP;
    }
    throw GIVE_UP;
  };

  const readEscaped = (start: number): string => {
    let value = text.slice(start, i);
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return value;
      }
      if (c < 0x20) throw GIVE_UP;
      if (c !== 0x5c) {
        value += text[i];
        continue;
      }
      const e = text.charCodeAt(++i);
      if (e === 0x22) value += '"';
      else if (e === 0x5c) value += '\\';
      else if (e === 0x2f) value += '/';
      else if (e === 0x62) value += '\b';
      else if (e === 0x66) value += '\f';
      else if (e === 0x6e) value += '\n';
      else if (e === 0x72) value += '\r';
      else if (e === 0x74) value += '\t';
      else if (e === 0x75) {
        const hex = text.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw GIVE_UP;
        value += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else throw GIVE_UP;
    }
    throw GIVE_UP;
  };

  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

  /** JSON's number grammar, as jsonc-parser's scanner reads it. */
  const readNumber = (): number => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else throw GIVE_UP;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return Number(text.slice(start, i));
  };

  const literal = (word: string): void => {
    if (!text.startsWith(word, i)) throw GIVE_UP;
    i += word.length;
  };

  /**
   * The children of the containers being read, innermost last: each container takes its own off the top as
   * an array of exactly their number. (An array grown by push keeps room for 17 entries, and most objects
   * of a policy have two or three properties: a third of the tree's memory, and GC work, went to that room.)
   */
  const stack: Node[] = [];
  const popChildren = (first: number): Node[] => {
    const children = stack.slice(first);
    stack.length = first;
    return children;
  };

  /** `depth`: how many brackets enclose this value (the same count as the jsonc-parser path's nesting guard). */
  const value = (parent: Node | undefined, depth: number): Node => {
    const offset = i;
    const c = text.charCodeAt(i);
    if ((c === 0x7b || c === 0x5b) && depth >= maxNesting) throw GIVE_UP;
    if (c === 0x7b /* { */) {
      const node: Node = { type: 'object', offset, length: -1, parent, children: undefined };
      const first = stack.length;
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== 0x7d) {
        for (;;) {
          if (text.charCodeAt(i) !== 0x22) throw GIVE_UP;
          const keyOffset = i;
          const key = readString();
          const property: Node = { type: 'property', offset: keyOffset, length: -1, parent: node, children: undefined, colonOffset: -1 };
          const keyNode: Node = { type: 'string', offset: keyOffset, length: i - keyOffset, parent: property, value: key };
          skipSpace();
          if (text.charCodeAt(i) !== 0x3a /* : */) throw GIVE_UP;
          property.colonOffset = i++;
          skipSpace();
          const child = value(property, depth + 1);
          property.children = [keyNode, child];
          property.length = child.offset + child.length - keyOffset;
          stack.push(property);
          skipSpace();
          const next = text.charCodeAt(i);
          if (next === 0x2c /* , */) {
            i++;
            skipSpace();
            continue;
          }
          if (next === 0x7d) break;
          throw GIVE_UP;
        }
      }
      node.children = popChildren(first);
      node.length = ++i - offset;
      return node;
    }
    if (c === 0x5b /* [ */) {
      const node: Node = { type: 'array', offset, length: -1, parent, children: undefined };
      const first = stack.length;
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== 0x5d) {
        for (;;) {
          stack.push(value(node, depth + 1));
          skipSpace();
          const next = text.charCodeAt(i);
          if (next === 0x2c) {
            i++;
            skipSpace();
            continue;
          }
          if (next === 0x5d) break;
          throw GIVE_UP;
        }
      }
      node.children = popChildren(first);
      node.length = ++i - offset;
      return node;
    }
    if (c === 0x22) {
      const s = readString();
      return { type: 'string', offset, length: i - offset, parent, value: s };
    }
    if (c === 0x74) {
      literal('true');
      return { type: 'boolean', offset, length: 4, parent, value: true };
    }
    if (c === 0x66) {
      literal('false');
      return { type: 'boolean', offset, length: 5, parent, value: false };
    }
    if (c === 0x6e) {
      literal('null');
      return { type: 'null', offset, length: 4, parent, value: null };
    }
    const number = readNumber();
    return { type: 'number', offset, length: i - offset, parent, value: number };
  };

  try {
    skipSpace();
    if (i >= n) return undefined; // empty: jsonc-parser decides what that is
    const root = value(undefined, 0);
    skipSpace();
    if (i < n) return undefined;
    return withoutParent(root);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * The root as jsonc-parser leaves it, with no `parent` property at all. A copy rather than `delete`: deleting a
 * property turns an object into a slow dictionary, and the root is read on every lint.
 */
function withoutParent(root: Node): Node {
  const copy: Node =
    root.children !== undefined
      ? { type: root.type, offset: root.offset, length: root.length, children: root.children }
      : { type: root.type, offset: root.offset, length: root.length, value: root.value };
  for (const child of copy.children ?? []) (child as Node).parent = copy;
  return copy;
}
