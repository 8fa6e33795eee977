/** Spans and edits inside a JSON string value (a part of an ARN, the prefix of an action, ...). */
import type { JsonNode } from '../parse/model';
import type { TextEdit } from '../types';

/** True when the string's JSON text has no escapes, so value offsets map 1:1 to document offsets. */
function plain(docText: string, node: JsonNode): boolean {
  return node.type === 'string' && typeof node.value === 'string' && docText.slice(node.offset + 1, node.offset + node.length - 1) === node.value;
}

/** The document span of `length` characters at `start` of a string node's value (the whole node when it has escapes). */
export function spanIn(docText: string, node: JsonNode, start: number, length: number): { offset: number; length: number } {
  return plain(docText, node) ? { offset: node.offset + 1 + start, length } : { offset: node.offset, length: node.length };
}

/** Replaces `length` characters at `start` of a string node's value by `newText` (re-quotes the whole string when it has escapes). */
export function replaceIn(docText: string, node: JsonNode, start: number, length: number, newText: string): TextEdit {
  if (plain(docText, node)) return { offset: node.offset + 1 + start, length, newText: JSON.stringify(newText).slice(1, -1) };
  const value = String(node.value);
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value.slice(0, start) + newText + value.slice(start + length)) };
}
