import type { JsonNode, Property, ValueItem } from './model';

/** Properties of an object node in source order; tolerant of half-typed properties. */
export function propertiesOf(node: JsonNode | undefined): Property[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  // Nearly always every child is a whole property: then `map` builds the list at its size, where `push`
  // would leave room for 17 (a statement has three to five elements).
  const children = node.children;
  return children.every(isWholeProperty) ? children.map(toProperty) : children.filter(isWholeProperty).map(toProperty);
}

function isWholeProperty(child: JsonNode): boolean {
  const keyNode = child.children?.[0];
  return child.type === 'property' && keyNode !== undefined && typeof keyNode.value === 'string';
}

function toProperty(child: JsonNode): Property {
  const keyNode = child.children![0];
  return new PropertyOf(keyNode.value as string, keyNode, child.children![1], child);
}

// The model's objects are made with `new` rather than as literals, as the tree's nodes are (see TreeNode in
// fastTree.ts): they point into the tree, and one that V8 chose to allocate in the old generation would keep
// its young nodes alive through every minor collection until a full one.

class PropertyOf implements Property {
  constructor(
    public key: string,
    public keyNode: JsonNode,
    public value: JsonNode | undefined,
    public node: JsonNode,
  ) {}
}

class Item implements ValueItem {
  constructor(
    public text: string | undefined,
    public node: JsonNode,
    public intrinsic: boolean,
  ) {}
}

/**
 * The key of a child of an object node when propertiesOf lists it, else undefined (a half-typed property):
 * for loops over `node.children` that must skip what propertiesOf skips without building its list.
 */
export function propertyKey(child: JsonNode): string | undefined {
  const keyNode = child.children?.[0];
  return child.type === 'property' && keyNode && typeof keyNode.value === 'string' ? keyNode.value : undefined;
}

export function findProperty(node: JsonNode | undefined, key: string): Property | undefined {
  return propertiesOf(node).find((p) => p.key === key);
}

/** A CloudFormation intrinsic function object such as {"Fn::Sub": "..."} or {"Ref": "..."}. */
export function isIntrinsic(node: JsonNode | undefined): boolean {
  if (!node || node.type !== 'object') return false;
  const props = propertiesOf(node);
  return props.length === 1 && (props[0].key === 'Ref' || props[0].key === 'Condition' || props[0].key.startsWith('Fn::'));
}

function item(node: JsonNode): ValueItem {
  if (node.type === 'string') return new Item(node.value as string, node, false);
  if (node.type === 'number' || node.type === 'boolean') return new Item(String(node.value), node, false);
  return new Item(undefined, node, isIntrinsic(node));
}

/** Items of a "string or array of strings" value; scalars are stringified. */
export function valueItems(node: JsonNode | undefined): ValueItem[] {
  if (!node) return [];
  if (node.type === 'array') return (node.children ?? []).map(item);
  if (node.type === 'object' && !isIntrinsic(node)) return [];
  return listOfOne(item(node));
}

/**
 * `[only]` without an array literal, which has an allocation site and would hold the document (see PropertyOf).
 * `map` makes its result where V8 makes every new array, like `splice` (a builtin call) and `Array.of` (twenty
 * times as much), but V8 inlines it: 16 ns a call against 55 for splice. `onlyOne` holds the value for that
 * call only, as a closure per call would cost an allocation; it must not keep the document alive after it.
 */
export function listOfOne<T>(only: T): T[] {
  onlyOne = only;
  const list = ONE_SLOT.map(takeOnlyOne) as T[];
  onlyOne = undefined;
  return list;
}
const ONE_SLOT = [undefined];
let onlyOne: unknown;
const takeOnlyOne = (): unknown => onlyOne;

/** Only items that are JSON strings (not numbers, booleans or intrinsics). */
export function stringItems(node: JsonNode | undefined): ValueItem[] {
  return valueItems(node).filter((v) => v.node.type === 'string');
}

/** The text span of a string node without its quotes. */
export function innerRange(node: JsonNode): { offset: number; length: number } {
  if (node.type === 'string' && node.length >= 2) return { offset: node.offset + 1, length: node.length - 2 };
  return { offset: node.offset, length: node.length };
}
