/** Links to the AWS documentation pages that hovers and completion items summarise. */
import { reference } from './data/reference';

const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference';
export const IAM_GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
export const ARN_PAGE = `${IAM_GUIDE}/reference-arns.html`;
export const POLICY_VARIABLES_PAGE = `${IAM_GUIDE}/reference_policies_variables.html`;
export const GLOBAL_KEYS_PAGE = `${IAM_GUIDE}/reference_policies_condition-keys.html`;
export const EVALUATION_PAGE = `${IAM_GUIDE}/reference_policies_evaluation-logic.html`;

/**
 * The Service Authorization Reference names each service page after the service's full name:
 * "Amazon SageMaker" -> list_amazonsagemaker.html, "AWS Identity and Access Management (IAM)" ->
 * list_awsidentityandaccessmanagementiam.html.
 */
export function servicePageSlug(service: string): string {
  const name = reference().serviceName(service) ?? service;
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type ServiceSection = 'actions' | 'resources' | 'keys';

const SECTION_ANCHOR: Record<ServiceSection, string> = {
  actions: 'actions-as-permissions',
  resources: 'resources-for-iam-policies',
  keys: 'policy-keys',
};

/** `list_<service>.html`, optionally at a section or at one action's row. */
export function serviceReferenceUrl(service: string, at?: ServiceSection | { action: string }): string {
  const slug = servicePageSlug(service);
  const page = `${SAR}/list_${slug}.html`;
  if (!at) return page;
  if (typeof at === 'object') return `${page}#${slug}-${at.action}`;
  return `${page}#${slug}-${SECTION_ANCHOR[at]}`;
}

/** Markdown link to a service's page, titled with the service's name. */
export function serviceReferenceLink(service: string, at?: ServiceSection | { action: string }): string {
  const name = reference().serviceName(service) ?? service;
  const what = at === 'resources' ? 'resource types' : at === 'keys' ? 'condition keys' : 'actions, resources and condition keys';
  return `[Service Authorization Reference: ${name} ${what}](${serviceReferenceUrl(service, at)})`;
}
