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

/**
 * The children of the containers being read, innermost last: each container takes its own off the top as an
 * array of exactly their number. (An array grown by push keeps room for 17 entries, and most objects of a
 * policy have two or three properties: a third of the tree's memory, and GC work, went to that room.) One
 * stack for every parse, as none is ever left holding a node: a stack made per parse is an array literal,
 * which V8 may decide to allocate in the old generation (see TreeNode).
 */
const stack: Node[] = [];

/**
 * Sticky, for its `lastIndex`: where to look from, and after a test where the run of characters that are not
 * control characters ends (see readString). A greedy run is about twice as fast as searching for
 * `/[\x00-\x1f]/g`, which tries a match at every position.
 */
const untilControlCharacter = /[^\x00-\x1f]*/y;

export function fastParseTree(text: string, maxNesting: number): JsonNode | undefined {
  const n = text.length;
  let i = 0;

  // The scanning loops count in a local and store `i` once at the end: `i` lives in the closures' shared
  // context, and a store to it on every character made a parse about 4% slower.

  const skipSpace = (): void => {
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    i = j;
  };

  // A string ends at the next quote, which native indexOf finds many times faster than a loop over its
  // characters. What the string must not contain before that quote, a backslash (an escape, read by
  // readEscaped) or a control character (not JSON), is looked for the same way, but only once per
  // occurrence: each position below is the first one at or after where it was last looked for, and is only
  // looked for again once a string starts past it. A minified policy has neither, so each is found once
  // (at the end) per document; a pretty-printed one looks for the next control character once per line.
  let nextBackslash = -1;
  let nextControl = -1;

  /** The string token at `i` (an opening quote): its value; `i` moves past the closing quote. */
  const readString = (): string => {
    const start = i + 1;
    const end = text.indexOf('"', start);
    if (end < 0) throw GIVE_UP;
    if (nextBackslash < start) {
      nextBackslash = text.indexOf('\\', start);
      if (nextBackslash < 0) nextBackslash = n;
    }
    if (nextControl < start) {
      untilControlCharacter.lastIndex = start;
      untilControlCharacter.test(text); // always matches, if only the empty string
      nextControl = untilControlCharacter.lastIndex;
    }
    if (nextControl < end && nextControl < nextBackslash) throw GIVE_UP;
    if (nextBackslash < end) {
      i = nextBackslash;
      return readEscaped(start);
    }
    i = end + 1;
    return text.slice(start, end);
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

  const popChildren = (first: number): Node[] => stack.splice(first);

  /** `depth`: how many brackets enclose this value (the same count as the jsonc-parser path's nesting guard). */
  const value = (parent: Node | undefined, depth: number): Node => {
    const offset = i;
    const c = text.charCodeAt(i);
    if ((c === 0x7b || c === 0x5b) && depth >= maxNesting) throw GIVE_UP;
    if (c === 0x7b /* { */) {
      const node = new TreeNode('object', offset, parent);
      const first = stack.length;
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== 0x7d) {
        for (;;) {
          if (text.charCodeAt(i) !== 0x22) throw GIVE_UP;
          const keyOffset = i;
          const key = readString();
          const property = new TreeNode('property', keyOffset, node);
          stack.push(property);
          const keyAndValue = stack.length;
          stack.push(TreeNode.leaf('string', keyOffset, i - keyOffset, property, key));
          skipSpace();
          if (text.charCodeAt(i) !== 0x3a /* : */) throw GIVE_UP;
          property.colonOffset = i++;
          skipSpace();
          const child = value(property, depth + 1);
          stack.push(child);
          property.children = popChildren(keyAndValue);
          property.length = child.offset + child.length - keyOffset;
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
      const node = new TreeNode('array', offset, parent);
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
      return TreeNode.leaf('string', offset, i - offset, parent, s);
    }
    if (c === 0x74) {
      literal('true');
      return TreeNode.leaf('boolean', offset, 4, parent, true);
    }
    if (c === 0x66) {
      literal('false');
      return TreeNode.leaf('boolean', offset, 5, parent, false);
    }
    if (c === 0x6e) {
      literal('null');
      return TreeNode.leaf('null', offset, 4, parent, null);
    }
    const number = readNumber();
    return TreeNode.leaf('number', offset, i - offset, parent, number);
  };

  try {
    skipSpace();
    if (i >= n) return undefined; // empty: jsonc-parser decides what that is
    const root = value(undefined, 0);
    skipSpace();
    if (i < n) return undefined;
    return root;
  } catch (error) {
    stack.length = 0; // what was read before giving up: the stack must not keep this document alive
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Every node is one class with every field, rather than object literals: V8 decides per literal (allocation
 * site) whether its objects are likely to live long, from the few it watches while the code is still
 * interpreted, and then allocates them all in the old generation. A tree that happened to be alive across a
 * collection early on (while the reference data loads, for example) sent every later tree there, where each
 * is garbage that only a full collection frees: parsing then took two to four times as long, most of it GC.
 * Objects made by `new` have no allocation site. One shape also keeps every read of a node monomorphic.
 */
class TreeNode implements Node {
  // Declared, and set in the constructor in one order: no field initializers for V8 to run apart.
  declare type: Node['type'];
  declare offset: number;
  declare length: number;
  declare parent: Node | undefined;
  declare children: Node[] | undefined;
  declare value: unknown;
  declare colonOffset: number | undefined;

  constructor(type: Node['type'], offset: number, parent: Node | undefined, length = -1, value: unknown = undefined) {
    this.type = type;
    this.offset = offset;
    this.length = length;
    this.parent = parent;
    this.children = undefined;
    this.value = value;
    this.colonOffset = undefined;
  }

  static leaf(type: Node['type'], offset: number, length: number, parent: Node | undefined, value: unknown): TreeNode {
    return new TreeNode(type, offset, parent, length, value);
  }
}
