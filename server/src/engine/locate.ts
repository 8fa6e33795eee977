import { findNodeAtOffset, getNodePath, type JSONPath } from 'jsonc-parser';
import type { JsonNode, PolicyDocument, Statement } from './parse/model';

/** Where in a policy an offset falls, in terms hover and completion can act on. */
export interface PolicyLocation {
  node: JsonNode;
  /** The node is a property name (an element name, operator or condition key), not a value. */
  isKey: boolean;
  /** Path relative to the statement (['Action', 1], ['Condition', 'StringEquals', 'aws:SourceIp', 0]) or the top level. */
  path: JSONPath;
  statement: Statement | undefined;
  /** The document the location is in. */
  doc: PolicyDocument;
}

/** Finds the innermost string/number/boolean/key node at `offset` and what it belongs to. */
export function locate(doc: PolicyDocument, offset: number): PolicyLocation | undefined {
  if (!doc.root || doc.kind === null) return undefined;
  let node = findNodeAtOffset(doc.root, offset, true);
  if (!node) return undefined;
  if (node.type === 'property') node = node.children?.[0];
  if (!node) return undefined;
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  // getNodePath of a key yields its property's path, the same as of its value; both mean "this element".
  const fullPath = getNodePath(node);
  const statement = statementContaining(doc, node);
  let path = fullPath;
  if (statement) path = fullPath.slice(getNodePath(statement.node).length);
  return { node, isKey, path, statement, doc };
}

/** The innermost statement whose object encloses `node` (statements never nest, so the first found). */
export function statementContaining(doc: PolicyDocument, node: JsonNode): Statement | undefined {
  return doc.statements.find((s) => s.node.offset <= node.offset && node.offset + node.length <= s.node.offset + s.node.length && s.node !== node);
}

/** The raw text of a string node between its quotes (escapes not decoded, so offsets map 1:1 to the document). */
export function rawStringContent(text: string, node: JsonNode): { start: number; raw: string } {
  const start = node.offset + 1;
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  const end = closed ? node.offset + node.length - 1 : node.offset + node.length;
  return { start, raw: text.slice(start, Math.max(start, end)) };
}
