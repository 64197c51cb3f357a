/**
 * What every apps/v1 controller spec shares: a selector that must exist, must not be
 * empty and must select its own template, a template whose pods always restart, a
 * non-negative replica count, and (apps/v1) a selector that never changes.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject, deepEqual, type Json } from './json-access.ts';
import { child, immutable, invalid, nonNegative, required, goStringMap } from './field-errors.ts';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector.ts';
import { validatePodTemplate } from './pod-spec-validation.ts';

export interface WorkloadRules {
  /** Word used in upstream's "empty selector is invalid for <word>". */
  selectorOwner: string;
  /** Replicated workloads have spec.replicas; DaemonSets do not. */
  replicas: boolean;
}

/** Validates spec.selector against spec.template, as upstream ValidateDeploymentSpec and its siblings. */
export function validateSelectorAndTemplate(spec: Json, rules: WorkloadRules): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = asObject(spec.selector);
  const template = asObject(spec.template);
  if (!selector) causes.push(required('spec.selector'));
  else {
    causes.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) causes.push(invalid('spec.selector', selector, `empty selector is invalid for ${rules.selectorOwner}`));
  }
  if (selector && template && !isEmptySelector(selector)) {
    const labels = (asObject(asObject(template.metadata)?.labels) ?? {}) as Record<string, string>;
    if (!selectorMatches(selector, labels)) {
      causes.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
    }
  }
  causes.push(...validatePodTemplate(spec.template, 'spec.template', { restartPolicies: ['Always'] }));
  if (rules.replicas) causes.push(...nonNegative('spec.replicas', spec.replicas));
  causes.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  causes.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return causes;
}

export function specOf(obj: KubeObject): Json {
  return asObject(obj.spec) ?? {};
}

/** As apps/v1: the selector is immutable once created. */
export function selectorUnchanged(obj: KubeObject, old: KubeObject): StatusCause[] {
  const selector = specOf(obj).selector;
  return deepEqual(selector, specOf(old).selector) ? [] : [immutable(child('spec', 'selector'), selector ?? null)];
}
