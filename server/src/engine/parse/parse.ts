import { parseTree, type ParseError } from 'jsonc-parser';
import type { PolicyKind } from '../types';
import { fastParseTree } from './fastTree';
import { detectKind, hasPolicyShape } from './kind';
import { listOfOne, propertiesOf, valueItems } from './json';
import { newStatementSlots, type ConditionBlock, type ConditionEntry, type JsonNode, type PolicyDocument, type Property, type Statement, type ValueItem } from './model';

export interface ParseOptions {
  kind?: PolicyKind;
  strictJson?: boolean;
}

/** Text -> policy model. Never throws: broken JSON still yields a (partial) tree. */
export function parsePolicy(text: string, options: ParseOptions = {}): PolicyDocument {
  const parseErrors: ParseError[] = [];
  const root = parseJsonTree(text, parseErrors, options.strictJson === true);
  const shape = hasPolicyShape(root);
  const doc: PolicyDocument = new ParsedPolicy(text, root, parseErrors);
  if (!shape) return doc;
  if (shape === 'policy') describeTopLevel(doc);
  doc.statements = statementsOf(shape === 'policy' ? doc.statementProperty?.value : root);
  doc.kind = options.kind ?? detectKind(shape, doc.statements);
  return doc;
}

/** A class for the reason given at PropertyOf in json.ts. */
class ParsedPolicy implements PolicyDocument {
  latest: { text: string };
  kind: PolicyKind | null = null;
  topLevel: Property[] = [];
  version: Property | undefined = undefined;
  statementProperty: Property | undefined = undefined;
  statements: Statement[] = [];

  constructor(
    public text: string,
    public root: JsonNode | undefined,
    public parseErrors: ParseError[],
  ) {
    this.latest = new LatestText(text);
  }
}

class LatestText {
  constructor(public text: string) {}
}

/** The top-level elements of a document whose root is a policy object (also after a splice). */
export function describeTopLevel(doc: PolicyDocument): void {
  const topLevel = (doc.topLevel = propertiesOf(doc.root));
  // The first of each, as findProperty finds it, without listing the root's properties twice more.
  doc.version = topLevel.find(isVersion);
  doc.statementProperty = topLevel.find(isStatement);
}

const isVersion = (property: Property): boolean => property.key === 'Version';
const isStatement = (property: Property): boolean => property.key === 'Statement';

/**
 * The JSON tree of `text`, its syntax errors added to `errors`. Well-formed JSON (nearly every policy)
 * takes the fast path; anything else goes to jsonc-parser. Undefined when there is no content, and when
 * brackets nest deeper than `maxNesting` (then with no errors): both paths draw that line alike.
 */
export function parseJsonTree(text: string, errors: ParseError[], strictJson: boolean, maxNesting = MAX_NESTING): JsonNode | undefined {
  const json = stripBom(text);
  const fast = fastParseTree(json, maxNesting);
  if (fast) return fast;
  // jsonc-parser recurses per nesting level and overflows the stack near 5,000 levels. No policy nests
  // deeper than a handful, so a document that does is not treated as a policy at all.
  if (exceedsNesting(text, maxNesting)) return undefined;
  try {
    return parseTree(json, errors, { allowTrailingComma: false, disallowComments: strictJson, allowEmptyContent: true });
  } catch {
    errors.length = 0; // a stack overflow the nesting check did not foresee: not a policy
    return undefined;
  }
}

export const MAX_NESTING = 200;

/**
 * True when brackets (outside strings and comments) nest deeper than `limit`. Strings and comments end
 * where jsonc-parser's scanner ends them (a string at `"`, CR or LF; a line comment at CR or LF), or a
 * quote inside a comment would hide the brackets after it from this check but not from the parser.
 */
function exceedsNesting(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */ || c === 0x0a || c === 0x0d) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** A BOM is replaced by a space rather than removed so that offsets stay those of the original text. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

function statementsOf(node: JsonNode | undefined): Statement[] {
  if (!node) return [];
  if (node.type === 'object') return listOfOne(buildStatement(node, 0)); // not a literal: see listOfOne
  if (node.type !== 'array') return [];
  const children = node.children ?? [];
  // Nearly always every element is an object: then one list, not a filtered copy and a second.
  return (children.every(isObject) ? children : children.filter(isObject)).map(buildStatement);
}

const isObject = (node: JsonNode): boolean => node.type === 'object';

export function buildStatement(node: JsonNode, index: number): Statement {
  return new PolicyStatement(node, index);
}

/**
 * A class rather than an object literal with closures: a read-only policy has thousands of statements, and a
 * method on the prototype costs none of them an allocation.
 */
class PolicyStatement implements Statement {
  readonly properties: Property[];
  readonly sid: string | undefined;
  readonly effect: string | undefined;
  readonly actions: ValueItem[];
  readonly notActions: ValueItem[];
  readonly resources: ValueItem[];
  readonly notResources: ValueItem[];
  readonly conditions: ConditionBlock[];
  readonly derived = newStatementSlots();

  constructor(
    readonly node: JsonNode,
    readonly index: number,
  ) {
    const properties = (this.properties = propertiesOf(node));
    // One pass over the elements rather than a lookup (a scan) per element: the first occurrence of each wins.
    let sid: Property | undefined;
    let effect: Property | undefined;
    let action: Property | undefined;
    let notAction: Property | undefined;
    let resource: Property | undefined;
    let notResource: Property | undefined;
    let condition: Property | undefined;
    for (const property of properties) {
      switch (property.key) {
        case 'Sid':
          sid ??= property;
          break;
        case 'Effect':
          effect ??= property;
          break;
        case 'Action':
          action ??= property;
          break;
        case 'NotAction':
          notAction ??= property;
          break;
        case 'Resource':
          resource ??= property;
          break;
        case 'NotResource':
          notResource ??= property;
          break;
        case 'Condition':
          condition ??= property;
          break;
      }
    }
    this.sid = stringValue(sid);
    this.effect = stringValue(effect);
    this.actions = valueItems(action?.value);
    this.notActions = valueItems(notAction?.value);
    this.resources = valueItems(resource?.value);
    this.notResources = valueItems(notResource?.value);
    this.conditions = conditionsOf(condition?.value);
  }

  element(name: string): Property | undefined {
    for (const property of this.properties) if (property.key === name) return property;
    return undefined;
  }
}

function stringValue(property: Property | undefined): string | undefined {
  const value = property?.value;
  return value && value.type === 'string' ? (value.value as string) : undefined;
}

function conditionsOf(node: JsonNode | undefined): ConditionBlock[] {
  return propertiesOf(node).map((property) => new Block(property));
}

class Block implements ConditionBlock {
  readonly operator: string;
  readonly operatorNode: JsonNode;
  readonly entries: ConditionEntry[];

  constructor(readonly property: Property) {
    this.operator = property.key;
    this.operatorNode = property.keyNode;
    this.entries = propertiesOf(property.value).map((entry) => new Entry(entry));
  }
}

class Entry implements ConditionEntry {
  readonly key: string;
  readonly keyNode: JsonNode;
  readonly valueNode: JsonNode | undefined;
  readonly values: ValueItem[];

  constructor(readonly property: Property) {
    this.key = property.key;
    this.keyNode = property.keyNode;
    this.valueNode = property.value;
    this.values = valueItems(property.value);
  }
}
