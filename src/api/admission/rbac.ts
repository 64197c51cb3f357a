/**
 * rbac.authorization.k8s.io: Roles, ClusterRoles and their bindings. Names are URL path
 * segments (upstream ValidateRBACName); rules as ValidatePolicyRule; roleRef never changes.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asList, asObject, deepEqual, ensureObject, type Json } from './json-access.ts';
import { child, index, invalid, notSupported, required } from './field-errors.ts';
import { isValidPathSegmentName } from './name-rules.ts';
import { validateLabelSelector } from './label-selector.ts';
import { defineStrategy } from './strategy.ts';

const rbacGroup = 'rbac.authorization.k8s.io';

function validateRule(rule: Json, path: string, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const count = (field: string) => (Array.isArray(rule[field]) ? (rule[field] as unknown[]).length : 0);
  if (count('verbs') === 0) causes.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  if (count('nonResourceURLs') > 0) {
    if (namespaced) causes.push(invalid(child(path, 'nonResourceURLs'), rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (count('apiGroups') > 0 || count('resources') > 0 || count('resourceNames') > 0) {
      causes.push(invalid(child(path, 'nonResourceURLs'), rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return causes;
  }
  if (count('apiGroups') === 0) causes.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (count('resources') === 0) causes.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  return causes;
}

function validateRules(obj: KubeObject, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  asList(obj.rules).forEach((rule, i) => causes.push(...validateRule(rule, index('rules', i), namespaced)));
  const aggregation = asObject(obj.aggregationRule);
  asList(aggregation?.clusterRoleSelectors).forEach((selector, i) => {
    causes.push(...validateLabelSelector(selector, index('aggregationRule.clusterRoleSelectors', i)));
  });
  return causes;
}

/** SetDefaults_Subject and the roleRef group default. */
function defaultBinding(obj: Json): void {
  const roleRef = ensureObject(obj, 'roleRef');
  if (!roleRef.apiGroup) roleRef.apiGroup = rbacGroup;
  for (const subject of asList(obj.subjects)) {
    if (subject.apiGroup) continue;
    if (subject.kind === 'ServiceAccount') subject.apiGroup = '';
    else if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = rbacGroup;
  }
}

function validateBinding(obj: KubeObject, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const roleRef = asObject(obj.roleRef) ?? {};
  if (roleRef.apiGroup !== rbacGroup) causes.push(notSupported('roleRef.apiGroup', roleRef.apiGroup ?? '', [rbacGroup]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(roleRef.kind as string)) causes.push(notSupported('roleRef.kind', roleRef.kind ?? '', kinds));
  if (!roleRef.name) causes.push(required('roleRef.name'));
  else for (const msg of isValidPathSegmentName(roleRef.name as string)) causes.push(invalid('roleRef.name', roleRef.name, msg));
  asList(obj.subjects).forEach((subject, i) => {
    const at = index('subjects', i);
    if (!subject.name) causes.push(required(child(at, 'name')));
    switch (subject.kind) {
      case 'ServiceAccount':
        if (subject.apiGroup) causes.push(notSupported(child(at, 'apiGroup'), subject.apiGroup, ['']));
        if (!namespaced && !subject.namespace) causes.push(required(child(at, 'namespace')));
        break;
      case 'User':
      case 'Group':
        if (subject.apiGroup !== rbacGroup) causes.push(notSupported(child(at, 'apiGroup'), subject.apiGroup ?? '', [rbacGroup]));
        break;
      default:
        causes.push(notSupported(child(at, 'kind'), subject.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    }
  });
  return causes;
}

function roleRefUnchanged(obj: KubeObject, old: KubeObject): StatusCause[] {
  return deepEqual(obj.roleRef, old.roleRef) ? [] : [invalid('roleRef', obj.roleRef ?? null, 'cannot change roleRef')];
}

const pathSegmentMeta = (namespaced: boolean) => ({ namespaced, nameRule: 'pathSegment' as const });

export const roleStrategy = defineStrategy({ meta: pathSegmentMeta(true), validate: (obj) => validateRules(obj, true) });
export const clusterRoleStrategy = defineStrategy({ meta: pathSegmentMeta(false), validate: (obj) => validateRules(obj, false) });
export const roleBindingStrategy = defineStrategy({
  meta: pathSegmentMeta(true),
  defaults: (obj) => defaultBinding(obj as Json),
  validate: (obj) => validateBinding(obj, true),
  validateUpdate: roleRefUnchanged,
});
export const clusterRoleBindingStrategy = defineStrategy({
  meta: pathSegmentMeta(false),
  defaults: (obj) => defaultBinding(obj as Json),
  validate: (obj) => validateBinding(obj, false),
  validateUpdate: roleRefUnchanged,
});
