import type { OperatorFamily } from '../data/operators';
import { isIPv4Address, isIPv6Address } from '../ipAddress';
import type { ValueItem } from '../parse/model';
import type { Rule } from '../rule';
import { operatorsFor, type KeyFacts, type KeyValueType } from './_condition-keys';
import { conditionFacts } from './_conditions-facts';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isDate(text: string): boolean {
  if (/^\d+$/.test(text)) return true; // epoch seconds
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return false;
  return true;
}

function isIpOrCidr(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined) return false;
  const max = isIPv4Address(address) ? 32 : isIPv6Address(address) ? 128 : -1;
  if (max < 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
}

/** What is wrong with a value for the operator family, or undefined when it fits. */
function badValue(family: OperatorFamily, text: string): string | undefined {
  switch (family) {
    case 'Numeric':
      return NUMBER.test(text) ? undefined : 'is not a number';
    case 'Date':
      return isDate(text) ? undefined : 'is not a date';
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(text) ? undefined : 'is not "true" or "false"';
    case 'IpAddress':
      return isIpOrCidr(text) ? undefined : 'is not an IP address or CIDR range';
    case 'Arn':
      return /^arn:/i.test(text) || text.startsWith('*') ? undefined : 'is not an ARN';
    case 'Binary':
      return BASE64.test(text) ? undefined : 'is not base64';
    case 'String':
      return undefined;
  }
}

/** The operator family cannot compare the key's type (String operators compare any type as text). */
function familyMismatch(family: OperatorFamily, facts: KeyFacts, values: ValueItem[]): boolean {
  if (family === 'String' || family === 'Null' || family === 'Binary') return false;
  const fits = (type: KeyValueType): boolean => {
    switch (family) {
      case 'Numeric':
        return type === 'Numeric';
      case 'Date':
        return type === 'Date';
      case 'Bool':
        return type === 'Bool';
      case 'IpAddress':
        return type === 'IPAddress';
      case 'Arn':
        // A String-typed key that holds ARNs (kms:EncryptionContext:aws:logs:arn) compares fine with ArnLike.
        return type === 'ARN' || (type === 'String' && values.length > 0 && values.every((v) => v.text === undefined || /^arn:/i.test(v.text) || v.text.startsWith('*')));
    }
  };
  return !fits(facts.type) && !(facts.alsoType && fits(facts.alsoType));
}

const FAMILY_WORD: Record<OperatorFamily, string> = {
  String: 'text',
  Numeric: 'numbers',
  Date: 'dates',
  Bool: 'booleans',
  Binary: 'binary values',
  IpAddress: 'IP addresses',
  Arn: 'ARNs',
  Null: 'key presence',
};

const EXPECTED: Record<OperatorFamily, string> = {
  String: '',
  Numeric: 'Write a number such as "3600".',
  Date: 'Write an ISO 8601 date such as "2025-12-31T23:59:59Z", or epoch seconds.',
  Bool: 'Write "true" or "false".',
  Null: 'Write "true" (the key is absent) or "false" (the key is present).',
  IpAddress: 'Write an address or CIDR range such as "203.0.113.0/24" or "2001:db8::/32".',
  Arn: 'Write a full ARN (arn:partition:service:region:account:resource), or use a String operator for values that are not ARNs.',
  Binary: 'Write the base64 encoding of the bytes.',
};

const TYPE_WORD: Record<KeyValueType, string> = { String: 'a String', ARN: 'an ARN', Bool: 'a Bool', Numeric: 'a Numeric', Date: 'a Date', IPAddress: 'an IPAddress' };

export const rule: Rule = {
  id: 'operator-type-mismatch',
  defaultSeverity: 'warning',
  summary: 'The operator family does not fit the key type or the value (`NumericLessThan` on a string key, `Bool` with "yes", a bad date or CIDR, `Arn*` on a non-ARN key).',
  scope: 'statement',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.conditions.length === 0) continue;
      for (const { block, op, entries } of conditionFacts(s).blocks) {
        // String operators compare any key type as text and take any value: nothing to report.
        if (!op || op.family === 'String') continue;
        for (const { entry, key: c } of entries) {
          const facts = c.status === 'known' ? c.facts : undefined;
          if (facts && familyMismatch(op.family, facts, entry.values)) {
            report({
              node: entry.keyNode,
              message: `${block.operator} compares ${FAMILY_WORD[op.family]}, but "${entry.key}" is ${TYPE_WORD[facts.type]} key: IAM cannot compare its value that way, so the condition does not test what it says. Use ${operatorsFor(facts.type)}.`,
            });
            continue;
          }
          for (const v of entry.values) {
            // Unknown values: CloudFormation intrinsics; policy variables (IAM substitutes them only in String/Arn operators).
            if (v.text === undefined || v.text.includes('${')) continue;
            const problem = badValue(op.family, v.text);
            if (!problem) continue;
            report({
              node: v.node,
              message: `"${v.text}" ${problem}, but ${block.operator} compares ${FAMILY_WORD[op.family]}: IAM cannot evaluate the condition as written. ${EXPECTED[op.family]}`,
            });
          }
        }
      }
    }
  },
};
