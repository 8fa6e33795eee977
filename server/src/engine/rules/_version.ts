import { CURRENT_VERSION } from '../parse/grammar';
import type { PolicyDocument } from '../parse/model';
import type { Fix, TextEdit } from '../types';

/** Edits that make the document's Version "2012-10-17": replace the value, or insert it as the first element. */
export function setCurrentVersionEdits(doc: PolicyDocument): TextEdit[] {
  const value = doc.version?.value;
  if (value) return [{ offset: value.offset, length: value.length, newText: JSON.stringify(CURRENT_VERSION) }];
  const root = doc.root;
  const first = doc.topLevel[0];
  if (!root || root.type !== 'object' || !first) return [];
  const lineStart = doc.text.lastIndexOf('\n', first.node.offset - 1) + 1;
  const indent = doc.text.slice(lineStart, first.node.offset);
  if (lineStart > root.offset && /^\s*$/.test(indent)) {
    // Pretty-printed: a line of its own, indented like the first element.
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return [{ offset: lineStart, length: 0, newText: `${indent}"Version": "${CURRENT_VERSION}",${eol}` }];
  }
  return [{ offset: root.offset + 1, length: 0, newText: `"Version": "${CURRENT_VERSION}",` }];
}

export function setCurrentVersionFix(doc: PolicyDocument, title = `Set "Version": "${CURRENT_VERSION}"`): Fix[] {
  const edits = setCurrentVersionEdits(doc);
  return edits.length ? [{ title, edits, preferred: true }] : [];
}
