/**
 * Verb sets and a rule constructor for writing the bootstrap policy as data, in the
 * vocabulary of upstream's bootstrappolicy package (Read, ReadWrite, Write).
 */
import type { PolicyRule } from './rbac-rules.ts';

export const READ = ['get', 'list', 'watch'];
export const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
export const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export interface ResourceRuleSpec {
  verbs: string[];
  groups: string[];
  resources: string[];
  names?: string[];
}

/** A resource rule, with resources sorted as upstream's rule builder writes them. */
export function resourceRule(spec: ResourceRuleSpec): PolicyRule {
  return {
    apiGroups: spec.groups,
    resources: [...spec.resources].sort(),
    ...(spec.names ? { resourceNames: spec.names } : {}),
    verbs: [...spec.verbs].sort(),
  };
}

export function nonResourceRule(verbs: string[], urls: string[]): PolicyRule {
  return { nonResourceURLs: [...urls].sort(), verbs: [...verbs].sort() };
}
