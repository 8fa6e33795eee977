/**
 * Condition operators, hand-kept from the IAM User Guide. IAM matches operator names
 * case-sensitively (`stringequals` is rejected), so lookups here are exact.
 */

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';
/** What the values in the policy must look like. */
export type OperatorValueType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Base64' | 'IPAddress' | 'ARN';
export type SetOperator = 'ForAllValues' | 'ForAnyValue';

export interface OperatorInfo {
  name: string;
  family: OperatorFamily;
  valueType: OperatorValueType;
  /** StringNot*, NumericNotEquals, NotIpAddress, ArnNot*...: true when the key is absent too. */
  negated: boolean;
  /** `*` and `?` in values are wildcards (StringLike/StringNotLike and all Arn operators). */
  wildcards: boolean;
  /** Values may contain policy variables: only String and ARN operators. */
  policyVariables: boolean;
  /** Every operator except Null takes the ...IfExists suffix. */
  ifExistsAllowed: boolean;
  description: string;
  url: string;
}

const PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
export const SET_OPERATORS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html#reference_policies_condition-multi-valued-context-keys';
export const IF_EXISTS_URL = `${PAGE}#Conditions_IfExists`;

const FAMILY: Record<OperatorFamily, { valueType: OperatorValueType; anchor: string }> = {
  String: { valueType: 'String', anchor: 'Conditions_String' },
  Numeric: { valueType: 'Numeric', anchor: 'Conditions_Numeric' },
  Date: { valueType: 'Date', anchor: 'Conditions_Date' },
  Bool: { valueType: 'Bool', anchor: 'Conditions_Boolean' },
  Binary: { valueType: 'Base64', anchor: 'Conditions_BinaryEquals' },
  IpAddress: { valueType: 'IPAddress', anchor: 'Conditions_IPAddress' },
  Arn: { valueType: 'ARN', anchor: 'Conditions_ARN' },
  // Null compares presence, so its values are "true" (key absent) or "false" (key present).
  Null: { valueType: 'Bool', anchor: 'Conditions_Null' },
};

function op(name: string, family: OperatorFamily, description: string, flags: { negated?: boolean; wildcards?: boolean } = {}): OperatorInfo {
  return {
    name,
    family,
    valueType: FAMILY[family].valueType,
    negated: flags.negated ?? false,
    wildcards: flags.wildcards ?? false,
    policyVariables: family === 'String' || family === 'Arn',
    ifExistsAllowed: family !== 'Null',
    description,
    url: `${PAGE}#${FAMILY[family].anchor}`,
  };
}

export const OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'String', 'Exact match, case-sensitive.'),
  op('StringNotEquals', 'String', 'Negated exact match, case-sensitive.', { negated: true }),
  op('StringEqualsIgnoreCase', 'String', 'Exact match, ignoring case.'),
  op('StringNotEqualsIgnoreCase', 'String', 'Negated exact match, ignoring case.', { negated: true }),
  op('StringLike', 'String', 'Case-sensitive match where `*` matches any run of characters and `?` one character.', { wildcards: true }),
  op('StringNotLike', 'String', 'Negated case-sensitive match with `*` and `?` wildcards.', { negated: true, wildcards: true }),
  op('NumericEquals', 'Numeric', 'Number equal to the value.'),
  op('NumericNotEquals', 'Numeric', 'Number not equal to the value.', { negated: true }),
  op('NumericLessThan', 'Numeric', 'Number less than the value.'),
  op('NumericLessThanEquals', 'Numeric', 'Number less than or equal to the value.'),
  op('NumericGreaterThan', 'Numeric', 'Number greater than the value.'),
  op('NumericGreaterThanEquals', 'Numeric', 'Number greater than or equal to the value.'),
  op('DateEquals', 'Date', 'Matches a specific date (ISO 8601 or epoch seconds).'),
  op('DateNotEquals', 'Date', 'Negated date match.', { negated: true }),
  op('DateLessThan', 'Date', 'Before a specific date and time.'),
  op('DateLessThanEquals', 'Date', 'At or before a specific date and time.'),
  op('DateGreaterThan', 'Date', 'After a specific date and time.'),
  op('DateGreaterThanEquals', 'Date', 'At or after a specific date and time.'),
  op('Bool', 'Bool', 'Boolean match: "true" or "false".'),
  op('BinaryEquals', 'Binary', 'Byte-for-byte match of a base64-encoded binary value.'),
  op('IpAddress', 'IpAddress', 'The IP address is in the given address or CIDR range (IPv4 or IPv6).'),
  op('NotIpAddress', 'IpAddress', 'The IP address is outside all given addresses and CIDR ranges.', { negated: true }),
  op('ArnEquals', 'Arn', 'Case-sensitive ARN match; each of the six colon-delimited parts is compared, `*` and `?` allowed (behaves like ArnLike).', { wildcards: true }),
  op('ArnLike', 'Arn', 'Case-sensitive ARN match with `*` and `?` wildcards in each colon-delimited part.', { wildcards: true }),
  op('ArnNotEquals', 'Arn', 'Negated ARN match (behaves like ArnNotLike).', { negated: true, wildcards: true }),
  op('ArnNotLike', 'Arn', 'Negated ARN match with wildcards.', { negated: true, wildcards: true }),
  op('Null', 'Null', '"true": the key is absent from the request context; "false": the key is present (its value is not null).'),
];

const byName = new Map(OPERATORS.map((o) => [o.name, o]));

export interface ParsedOperator {
  /** The base operator: `StringLike` for `ForAnyValue:StringLikeIfExists`. */
  base: OperatorInfo;
  family: OperatorFamily;
  ifExists: boolean;
  setOperator: SetOperator | undefined;
}

/**
 * Splits `ForAllValues:`/`ForAnyValue:` and `...IfExists` off an operator name. Case-sensitive as
 * IAM is; undefined for anything IAM would reject (unknown base, wrong case, `NullIfExists`).
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let setOperator: SetOperator | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') return undefined;
    setOperator = prefix;
    rest = rest.slice(colon + 1);
  }
  let base = byName.get(rest);
  let ifExists = false;
  if (!base && rest.endsWith('IfExists')) {
    base = byName.get(rest.slice(0, -'IfExists'.length));
    if (base && !base.ifExistsAllowed) return undefined;
    ifExists = true;
  }
  if (!base) return undefined;
  return { base, family: base.family, ifExists, setOperator };
}

export function lookupOperator(name: string): OperatorInfo | undefined {
  return byName.get(name);
}

/** For "did you mean": the canonical spelling of an operator written in the wrong case. */
export function operatorWithCaseFixed(name: string): string | undefined {
  const [, setPart, basePart, ifExistsPart] = /^(forallvalues:|foranyvalue:)?(.*?)(ifexists)?$/.exec(name.toLowerCase())!;
  const base = OPERATORS.find((o) => o.name.toLowerCase() === basePart);
  if (!base || (ifExistsPart && !base.ifExistsAllowed)) return undefined;
  const set = setPart ? (setPart.startsWith('forall') ? 'ForAllValues:' : 'ForAnyValue:') : '';
  const fixed = `${set}${base.name}${ifExistsPart ? 'IfExists' : ''}`;
  return fixed === name ? undefined : fixed;
}
