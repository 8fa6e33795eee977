/** The Principal / NotPrincipal element of a statement, read as IAM reads it. */
import { propertiesOf, valueItems } from '../parse/json';
import type { JsonNode, Property, Statement, ValueItem } from '../parse/model';
import { isServicePrincipal } from '../data/principals';
import { memo } from './_util';

export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or whatever key was written. */
  type: string;
  property: Property;
  items: ValueItem[];
}

export interface PrincipalElement {
  property: Property;
  /** NotPrincipal rather than Principal. */
  not: boolean;
  /** `"Principal": "*"`: the node of the string; undefined for an object. */
  starNode: JsonNode | undefined;
  /** A string other than "*" (IAM rejects it); undefined otherwise. */
  bareString: JsonNode | undefined;
  entries: PrincipalEntry[];
}

/** The statement's Principal, or else its NotPrincipal (null: neither), found once per statement: several rules ask. */
export const principalProperty: (s: Statement) => Property | null = memo((s) => s.element('Principal') ?? s.element('NotPrincipal') ?? null);

export function principalOf(s: Statement): PrincipalElement | undefined {
  const property = principalProperty(s);
  if (!property) return undefined;
  const value = property.value;
  const isString = value?.type === 'string';
  return {
    property,
    not: property.key === 'NotPrincipal',
    starNode: isString && value.value === '*' ? value : undefined,
    bareString: isString && value.value !== '*' ? value : undefined,
    entries: value?.type === 'object' ? propertiesOf(value).map((p) => ({ type: p.key, property: p, items: valueItems(p.value) })) : [],
  };
}

/** The nodes that mean "everyone": `"Principal": "*"` and `"AWS": "*"` (also inside an array). */
export function everyoneNodes(p: PrincipalElement): JsonNode[] {
  if (p.starNode) return [p.starNode];
  return p.entries.filter((e) => e.type === 'AWS').flatMap((e) => e.items.filter((i) => i.text === '*').map((i) => i.node));
}

/** Service principal values (`sagemaker.amazonaws.com`) of the element, plain strings only. */
export function serviceItems(p: PrincipalElement): ValueItem[] {
  return p.entries.filter((e) => e.type === 'Service').flatMap((e) => e.items.filter((i) => i.node.type === 'string' && i.text !== undefined));
}

/**
 * A well-formed service principal: `<name>.amazonaws.com` (and the other partitions' domains). The
 * `.amazon.com` names the shared table also accepts are only real for Alexa (`alexa-appkit.amazon.com`);
 * `sagemaker.amazon.com` is a typo.
 */
export function isValidServicePrincipal(value: string): boolean {
  if (!isServicePrincipal(value)) return false;
  const amazonCom = /^([a-z0-9-]+)\.amazon\.com$/.exec(value);
  return !amazonCom || amazonCom[1].startsWith('alexa');
}
