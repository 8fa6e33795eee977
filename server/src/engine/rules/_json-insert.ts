/**
 * Cheap property insertion for fixes that can be many per document: jsonc-parser's `modify` re-parses
 * the whole text on every call, which adds up on large policies. The inserted text follows the
 * object's own layout (one line, or one property per line with the last property's indentation).
 */
import type { JsonNode } from '../parse/model';
import type { TextEdit } from '../types';

export function insertProperty(text: string, object: JsonNode, key: string, valueJson: string): TextEdit | undefined {
  if (object.type !== 'object') return undefined;
  const pair = `${JSON.stringify(key)}: ${valueJson}`;
  const last = object.children?.[object.children.length - 1];
  if (!last) return { offset: object.offset, length: object.length, newText: `{ ${pair} }` };
  const end = last.offset + last.length;
  if (!text.slice(object.offset, last.offset).includes('\n')) return { offset: end, length: 0, newText: `, ${pair}` };
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.offset))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: end, length: 0, newText: `,${eol}${indent}${pair}` };
}
