/** Strings inside CloudFormation intrinsics that end up in the policy text. */
import { propertiesOf } from '../parse/json';
import type { JsonNode, ValueItem } from '../parse/model';

export interface EmbeddedString {
  node: JsonNode;
  text: string;
  /** The template of an Fn::Sub: CloudFormation substitutes its `${...}` (write `${!name}` for a literal). */
  sub: boolean;
}

/** The Fn::Sub template string and the literal parts of an Fn::Join; other intrinsics give nothing. */
export function stringsOfIntrinsic(node: JsonNode): EmbeddedString[] {
  const [p] = propertiesOf(node);
  if (!p?.value) return [];
  if (p.key === 'Fn::Sub') {
    const template = p.value.type === 'array' ? p.value.children?.[0] : p.value;
    return template?.type === 'string' ? [{ node: template, text: template.value as string, sub: true }] : [];
  }
  if (p.key === 'Fn::Join' && p.value.type === 'array') {
    const parts = p.value.children?.[1];
    if (parts?.type !== 'array') return [];
    return (parts.children ?? []).flatMap((c) => (c.type === 'string' ? [{ node: c, text: c.value as string, sub: false }] : c.type === 'object' ? stringsOfIntrinsic(c) : []));
  }
  return [];
}

/** A value node (string, array of strings, intrinsic, or an object of such values as in Principal) as the strings IAM will see. */
export function embeddedStrings(node: JsonNode | undefined): EmbeddedString[] {
  if (!node) return [];
  if (node.type === 'string') return [{ node, text: node.value as string, sub: false }];
  if (node.type === 'array') return (node.children ?? []).flatMap(embeddedStrings);
  if (node.type === 'object') {
    const props = propertiesOf(node);
    if (props.length === 1 && (props[0].key.startsWith('Fn::') || props[0].key === 'Ref')) return stringsOfIntrinsic(node);
    return props.flatMap((p) => embeddedStrings(p.value));
  }
  return [];
}

/**
 * Each string that embeddedStrings(value) lists, in order, without building the list: `items` is the
 * model's valueItems(value), nearly always plain strings. `value` itself is only read when `items` is empty
 * (an object that is not an intrinsic has no items, but may hold strings).
 */
export function forEachEmbeddedString<C>(
  items: readonly ValueItem[],
  value: JsonNode | undefined,
  visit: (node: JsonNode, text: string, sub: boolean, context: C) => void,
  context: C,
): void {
  if (items.length === 0) {
    for (const str of embeddedStrings(value)) visit(str.node, str.text, str.sub, context);
    return;
  }
  for (const item of items) {
    if (item.node.type === 'string') visit(item.node, item.node.value as string, false, context);
    else for (const str of embeddedStrings(item.node)) visit(str.node, str.text, str.sub, context);
  }
}
