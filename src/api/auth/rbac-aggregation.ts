/**
 * ClusterRole aggregation, computed when a role is evaluated rather than written back
 * by a controller: an aggregated ClusterRole's rules are the union of the rules of
 * every other ClusterRole its clusterRoleSelectors match, as upstream's
 * clusterrole-aggregation controller keeps them. Aggregation chains (view -> edit ->
 * admin) resolve transitively, because upstream's controller converges to the same.
 */
import type { KubeObject } from '../meta/object.ts';
import type { PolicyRule } from './rbac-rules.ts';
import { selectorMatches, type LabelSelector } from '../../selectors/label-selector-match.ts';

/** The effective rules of a ClusterRole found in `clusterRoles`. */
export function effectiveClusterRoleRules(role: KubeObject, clusterRoles: KubeObject[]): PolicyRule[] {
  return collect(role, clusterRoles, new Set());
}

function collect(role: KubeObject, clusterRoles: KubeObject[], visiting: Set<string>): PolicyRule[] {
  const selectors = aggregationSelectors(role);
  if (selectors === undefined) return rulesOf(role);
  const name = role.metadata.name ?? '';
  visiting.add(name);
  const rules: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const candidate of clusterRoles) {
    const candidateName = candidate.metadata.name ?? '';
    if (visiting.has(candidateName)) continue; // itself, or a cycle back up the chain
    if (!selectors.some((selector) => selectorMatches(selector, candidate.metadata.labels ?? {}))) continue;
    for (const rule of collect(candidate, clusterRoles, visiting)) {
      const key = JSON.stringify(rule);
      if (!seen.has(key)) {
        seen.add(key);
        rules.push(rule);
      }
    }
  }
  visiting.delete(name);
  return rules;
}

export function rulesOf(role: KubeObject): PolicyRule[] {
  return Array.isArray(role.rules) ? (role.rules as PolicyRule[]) : [];
}

function aggregationSelectors(role: KubeObject): LabelSelector[] | undefined {
  const rule = role.aggregationRule as { clusterRoleSelectors?: LabelSelector[] } | undefined | null;
  return rule ? (rule.clusterRoleSelectors ?? []) : undefined;
}
