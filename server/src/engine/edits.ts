import { getNodePath, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { JsonNode } from './parse/model';
import type { TextEdit } from './types';

/** Indentation of the document, so inserted JSON looks like the user's own. */
export function formattingOf(text: string): FormattingOptions {
  const match = /\n([ \t]+)\S/.exec(text);
  const indent = match?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: Math.min(indent.length, 8) || 2, eol };
}

function toEdits(text: string, path: JSONPath, value: unknown, formatting: FormattingOptions = formattingOf(text)): TextEdit[] {
  return modify(text, path, value, { formattingOptions: formatting }).map((e) => ({
    offset: e.offset,
    length: e.length,
    newText: e.content,
  }));
}

/** Sets (inserts or replaces) the value at `path`, formatted like the document. */
export function setValue(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return toEdits(text, path, value);
}

/**
 * Sets the value at `path` inside the object `node`, re-reading only that object's text (from the start of
 * its line, so the inserted lines get the same indentation as a whole-document edit would). jsonc-parser's
 * `modify` parses all the text it is given, and linting builds such fixes for many statements of a document.
 */
export function setValueIn(text: string, node: JsonNode, path: JSONPath, value: unknown): TextEdit[] {
  const lineStart = text.lastIndexOf('\n', node.offset - 1) + 1;
  if (node.type === 'object' && !/^[ \t]*$/.test(text.slice(lineStart, node.offset))) {
    const own = text.slice(node.offset, node.offset + node.length);
    // An object on one line after other text (a minified policy): inserted compactly, as the rest is
    // written, and into that object alone. Formatting it would rewrite the whole line, which is the document.
    if (!/[\r\n]/.test(own)) {
      return modify(own, path, value, {}).map((e) => ({ offset: e.offset + node.offset, length: e.length, newText: e.content }));
    }
  }
  if (node.type !== 'object' || !/^[ \t]*$/.test(text.slice(lineStart, node.offset))) return setValue(text, [...getNodePath(node), ...path], value);
  const slice = text.slice(lineStart, node.offset + node.length);
  return toEdits(slice, path, value, formattingOf(text)).map((e) => ({ ...e, offset: e.offset + lineStart }));
}

/**
 * Removes a property or array element with the comma that separates it from a sibling: the text from
 * the end of the previous sibling (or, for the first, up to the start of the next) goes, so the rest
 * keeps its layout. Computed from the node's offsets alone: linting a large policy builds many such
 * fixes, and re-parsing the document for each (as jsonc-parser's `modify` does) made that quadratic.
 */
export function removeNode(text: string, node: JsonNode): TextEdit[] {
  const target = node.parent?.type === 'property' ? node.parent : node;
  const parent = target.parent;
  const siblings = parent?.children;
  if (!parent || !siblings || (parent.type !== 'object' && parent.type !== 'array')) return [];
  const index = siblings.indexOf(target);
  if (index < 0) return [];
  const end = target.offset + target.length;
  if (index > 0) {
    const previous = siblings[index - 1];
    const start = previous.offset + previous.length;
    return [{ offset: start, length: end - start, newText: '' }];
  }
  if (siblings.length > 1) return [{ offset: target.offset, length: siblings[1].offset - target.offset, newText: '' }];
  // The only member: empty the container, keeping its brackets.
  const inner = parent.offset + 1;
  const close = parent.offset + parent.length - 1;
  const closed = text[close] === (parent.type === 'object' ? '}' : ']');
  return [{ offset: inner, length: (closed ? close : parent.offset + parent.length) - inner, newText: '' }];
}

export function replaceNode(node: JsonNode, newText: string): TextEdit {
  return { offset: node.offset, length: node.length, newText };
}

/** Replaces a string node's value with `value`, quoted. */
export function replaceString(node: JsonNode, value: string): TextEdit {
  return replaceNode(node, JSON.stringify(value));
}

/** Applies edits to a text (edits must not overlap). Used by `--fix`, the tests and fix-all. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.offset) + e.newText + result.slice(e.offset + e.length);
  return result;
}
