/**
 * One view of a condition key, whether IAM documents it as global (aws:SourceIp, aws:PrincipalTag/x)
 * or a service's table lists it (sagemaker:InstanceTypes): for hover and completion.
 */
import { lookupGlobalConditionKey, type GlobalConditionKey } from './data/globalConditionKeys';
import { reference } from './data/reference';
import { serviceReferenceUrl } from './serviceDocs';

export interface ConditionKeyView {
  /** The key as documented, placeholders included: `aws:PrincipalTag/${TagKey}`. */
  key: string;
  /** In the reference's spelling: String, ArrayOfString, ARN, Bool, Numeric, Date, IPAddress... */
  type: string;
  multivalued: boolean;
  description: string | undefined;
  /** 'global' keys apply to every action; 'service' keys only to the actions that list them. */
  scope: 'global' | 'service';
  /** The service whose table lists the key (service keys). */
  service?: string;
  url: string;
  /** The text the `${...}` placeholder stands for in the written key (`team` for aws:PrincipalTag/team). */
  placeholderValue?: string;
  placeholderName?: string;
  deprecated?: { replacement?: string };
  global?: GlobalConditionKey;
}

/** Case-insensitive; undefined for keys neither the global table nor the reference knows. */
export function conditionKeyView(written: string): ConditionKeyView | undefined {
  const global = lookupGlobalConditionKey(written);
  if (global) {
    return {
      key: global.key,
      type: global.multivalued ? `ArrayOf${global.type}` : global.type,
      multivalued: global.multivalued,
      description: global.description,
      scope: 'global',
      url: global.url,
      ...placeholder(global.key, written),
      global,
    };
  }
  const ref = reference();
  const info = ref.conditionKey(written);
  if (!info) return undefined;
  const deprecated = ref.deprecatedConditionKey(info.key);
  return {
    key: info.key,
    type: info.type,
    multivalued: info.type.startsWith('ArrayOf'),
    description: ref.conditionKeyDescription(info.key),
    scope: 'service',
    service: info.service,
    url: serviceReferenceUrl(info.service, 'keys'),
    ...placeholder(info.key, written),
    ...(deprecated ? { deprecated } : {}),
  };
}

function placeholder(pattern: string, written: string): { placeholderName?: string; placeholderValue?: string } {
  const m = /^(.*?)\$\{([^}]*)\}$/.exec(pattern);
  if (!m || written.length <= m[1].length) return {};
  return { placeholderName: m[2], placeholderValue: written.slice(m[1].length) };
}

/** The type as hovers and completion details print it: "String, multivalued". */
export function describeKeyType(view: ConditionKeyView): string {
  const base = view.multivalued ? view.type.replace(/^ArrayOf/, '') : view.type;
  const also = view.global?.alsoType ? ` (or ${view.global.alsoType})` : '';
  return `${base}${also}, ${view.multivalued ? 'multivalued' : 'single-valued'}`;
}
