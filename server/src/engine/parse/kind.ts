import type { PolicyKind } from '../types';
import { propertiesOf } from './json';
import type { JsonNode, Statement } from './model';

const STATEMENT_ELEMENTS = new Set(['sid', 'effect', 'action', 'notaction', 'resource', 'notresource', 'principal', 'notprincipal', 'condition']);
const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Actions that make a statement a role trust statement. */
const TRUST_ACTION = /^sts:(assumerole\w*|tagsession|setsourceidentity|setcontext|\*)$/i;

/**
 * 'policy' for a document with a `Statement` (any case) or a date-like `Version`;
 * 'fragment' for a bare statement or an array of statements, as documentation prints them;
 * undefined for anything else (package.json, tsconfig.json, ...), which then gets no findings.
 */
export function hasPolicyShape(root: JsonNode | undefined): 'policy' | 'fragment' | undefined {
  if (!root) return undefined;
  if (root.type === 'object') {
    const props = propertiesOf(root);
    const statement = props.find((p) => /^statements?$/i.test(p.key));
    if (statement && (statement.value?.type === 'array' || statement.value?.type === 'object')) return 'policy';
    const version = props.find((p) => p.key === 'Version');
    if (version?.value?.type === 'string' && VERSION_PATTERN.test(version.value.value as string)) return 'policy';
    if (looksLikeStatement(root)) return 'fragment';
    return undefined;
  }
  if (root.type === 'array') {
    const items = root.children ?? [];
    if (items.length > 0 && items.every((c) => c.type === 'object') && items.some(looksLikeStatement)) return 'fragment';
  }
  return undefined;
}

/** An object with an `Effect` and at least one other statement element, names compared case-insensitively. */
function looksLikeStatement(node: JsonNode): boolean {
  const keys = propertiesOf(node).map((p) => p.key.toLowerCase());
  return keys.includes('effect') && keys.some((k) => k !== 'effect' && STATEMENT_ELEMENTS.has(k));
}

export function detectKind(shape: 'policy' | 'fragment', statements: Statement[]): PolicyKind {
  if (shape === 'fragment') return 'fragment';
  const withPrincipal = statements.filter((s) => s.element('Principal') || s.element('NotPrincipal'));
  if (withPrincipal.length === 0) return 'identity';
  const isTrust = withPrincipal.every((s) => {
    const actions = s.actions.map((a) => a.text).filter((a): a is string => a !== undefined);
    return actions.length > 0 && actions.every((a) => TRUST_ACTION.test(a));
  });
  return isTrust ? 'trust' : 'resource';
}
