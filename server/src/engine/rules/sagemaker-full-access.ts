import { parseOperator } from '../data/operators';
import { reference } from '../data/reference';
import type { JsonNode, Statement } from '../parse/model';
import type { Rule, RuleContext } from '../rule';
import { coversAllSageMaker, isFullSageMakerStatement } from './_grants';
import { actionTexts } from './_util';

/** The AWS managed policy, in any partition (`arn:aws:iam::aws:policy/AmazonSageMakerFullAccess`). */
const POLICY_NAME = 'AmazonSageMakerFullAccess';
const FULL_ACCESS_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:service-role\/)?AmazonSageMakerFullAccess$/;

function stringNodes(node: JsonNode | undefined, out: JsonNode[] = []): JsonNode[] {
  if (!node) return out;
  if (node.type === 'string') out.push(node);
  for (const child of node.children ?? []) stringNodes(child, out);
  return out;
}

/**
 * References that hand the policy out: in an Allow statement, except where they exclude it (NotResource,
 * a negated condition operator), and except a statement that only reads (iam:GetPolicy on the ARN).
 */
function grantingReferences(text: string, s: Statement): JsonNode[] {
  if (s.effect !== 'Allow' || !text.slice(s.node.offset, s.node.offset + s.node.length).includes(POLICY_NAME)) return [];
  const readOnly = actionTexts(s).length > 0 && actionTexts(s).every((p) => {
    const matched = reference().matchActions(p);
    return matched.length > 0 && matched.every((a) => a.accessLevel === 'Read' || a.accessLevel === 'List');
  });
  const found: JsonNode[] = [];
  for (const p of s.properties) {
    if (p.key === 'NotResource' || p.key === 'Sid') continue;
    if (p.key === 'Resource' && readOnly) continue;
    if (p.key === 'Condition') {
      for (const block of s.conditions) {
        if (parseOperator(block.operator)?.base.negated) continue;
        found.push(...stringNodes(block.property.value).filter((n) => FULL_ACCESS_ARN.test(n.value as string)));
      }
      continue;
    }
    found.push(...stringNodes(p.value).filter((n) => FULL_ACCESS_ARN.test(n.value as string)));
  }
  return found;
}

function reportReferences(text: string, s: Statement, report: RuleContext['report']): void {
  for (const node of grantingReferences(text, s)) {
    report({
      node,
      message:
        'This hands out the AWS managed policy AmazonSageMakerFullAccess: sagemaker:* on almost every SageMaker resource, plus broad access to ' +
        'S3 buckets named *sagemaker*, ECR, CloudWatch, EC2 networking, Secrets Manager and more. The SageMaker guides attach it for quick starts ' +
        'and remove it afterwards; grant a least-privilege policy for the tasks the role performs instead.',
    });
  }
}

/** Does the text of the statements (in text order) name the policy? Only their span: a view may show one statement of a 2 MB document. */
function namedIn(text: string, statements: readonly Statement[]): boolean {
  if (statements.length === 0) return false;
  const last = statements[statements.length - 1].node;
  return text.slice(statements[0].node.offset, last.offset + last.length).includes(POLICY_NAME);
}

export const rule: Rule = {
  id: 'sagemaker-full-access',
  defaultSeverity: 'warning',
  summary: 'A reference to the AWS managed policy `AmazonSageMakerFullAccess`, or `sagemaker:*` allowed on every resource without a condition.',
  scope: 'statement',
  check({ doc, report }) {
    // One search of the statements' text instead of one per statement: most documents never name the policy.
    const named = namedIn(doc.text, doc.statements);
    for (const s of doc.statements) {
      if (named) reportReferences(doc.text, s, report);
      if (!isFullSageMakerStatement(s)) continue;
      const entry = s.actions.find((a) => a.text !== undefined && coversAllSageMaker(a.text));
      if (!entry) continue;
      const where = s.element('NotResource') ? 'on every resource outside its NotResource list' : 'on every resource';
      report({
        node: entry.node,
        message:
          `"${entry.text}" is allowed ${where} without a condition: this is full SageMaker access (what AmazonSageMakerFullAccess grants): ` +
          'create and delete any domain, user profile, notebook, job or endpoint, open any user\'s Studio, change any resource\'s tags. ' +
          'List the actions the role needs, or scope the resources and add conditions.',
      });
    }
  },
};
