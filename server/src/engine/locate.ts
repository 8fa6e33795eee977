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
}

/** Finds the innermost string/number/boolean/key node at `offset` and what it belongs to. */
export function locate(doc: PolicyDocument, offset: number): PolicyLocation | undefined {
  if (!doc.root || doc.kind === null) return undefined;
  let node = findNodeAtOffset(doc.root, offset, true);
  if (!node) return undefined;
  if (node.type === 'property') node = node.children?.[0];
  if (!node) return undefined;
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const fullPath = getNodePath(node);
  // getNodePath of a key yields its property's path, the same as of its value; both mean "this element".
  const statement = doc.statements.find((s) => s.node.offset <= node!.offset && node!.offset + node!.length <= s.node.offset + s.node.length);
  let path = fullPath;
  if (statement) {
    const statementPath = getNodePath(statement.node);
    path = fullPath.slice(statementPath.length);
  }
  return { node, isKey, path, statement };
}
