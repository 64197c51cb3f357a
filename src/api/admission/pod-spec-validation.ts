/**
 * PodSpec and PodTemplateSpec checks, as upstream ValidatePodSpec / ValidatePodTemplateSpec
 * (pkg/apis/core/validation/validation.go): containers, volumes, the enum fields.
 */
import type { StatusCause } from '../errors.ts';
import { asList, asObject, type Json } from './json-access.ts';
import { child, duplicate, index, invalid, nonNegative, notSupported, required, type FieldPath } from './field-errors.ts';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName } from './name-rules.ts';
import { validateContainers } from './container-validation.ts';
import { validateAnnotations, validateLabels } from './object-meta.ts';

export const podRestartPolicies = ['Always', 'OnFailure', 'Never'] as const;
const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;
const tolerationOperators = ['Equal', 'Exists'] as const;
const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] as const;

export interface PodSpecRules {
  /** Restart policies this owner allows (Deployments only `Always`, Jobs `OnFailure`/`Never`). */
  restartPolicies?: readonly string[];
}

function validateVolumes(volumes: unknown, path: FieldPath): { causes: StatusCause[]; names: Set<string> } {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  asList(volumes).forEach((volume, i) => {
    const at = child(index(path, i), 'name');
    const name = volume.name;
    if (!name) causes.push(required(at));
    else {
      for (const msg of isDns1123Label(name as string)) causes.push(invalid(at, name, msg));
      if (names.has(name as string)) causes.push(duplicate(at, name));
      names.add(name as string);
    }
  });
  return { causes, names };
}

function validateTolerations(tolerations: unknown, path: FieldPath): StatusCause[] {
  const causes: StatusCause[] = [];
  asList(tolerations).forEach((toleration, i) => {
    const at = index(path, i);
    if (toleration.key) for (const msg of isQualifiedName(toleration.key as string)) causes.push(invalid(child(at, 'key'), toleration.key, msg));
    const operator = toleration.operator;
    if (operator && !(tolerationOperators as readonly string[]).includes(operator as string)) {
      causes.push(notSupported(child(at, 'operator'), operator, tolerationOperators));
    }
    if (!toleration.key && operator !== 'Exists') {
      causes.push(invalid(child(at, 'operator'), operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (operator === 'Exists' && toleration.value) {
      causes.push(invalid(child(at, 'operator'), toleration, 'value must be empty when `operator` is \'Exists\''));
    }
    if (toleration.effect && !(taintEffects as readonly string[]).includes(toleration.effect as string)) {
      causes.push(notSupported(child(at, 'effect'), toleration.effect, taintEffects));
    }
  });
  return causes;
}

export function validatePodSpec(spec: Json | undefined, path: FieldPath, rules: PodSpecRules = {}): StatusCause[] {
  if (!spec) return [required(path)];
  const causes: StatusCause[] = [];
  const volumes = validateVolumes(spec.volumes, child(path, 'volumes'));
  causes.push(...volumes.causes);
  const names = new Set<string>();
  causes.push(...validateContainers(spec.containers, child(path, 'containers'), { volumes: volumes.names, names, requireOne: true }));
  causes.push(...validateContainers(spec.initContainers, child(path, 'initContainers'), { volumes: volumes.names, names, requireOne: false }));

  const restartPolicies = rules.restartPolicies ?? podRestartPolicies;
  const restartPolicy = spec.restartPolicy;
  if (!restartPolicy) causes.push(required(child(path, 'restartPolicy')));
  else if (!restartPolicies.includes(restartPolicy as string)) {
    causes.push(notSupported(child(path, 'restartPolicy'), restartPolicy, restartPolicies));
  }
  const dnsPolicy = spec.dnsPolicy;
  if (!dnsPolicy) causes.push(required(child(path, 'dnsPolicy')));
  else if (!(dnsPolicies as readonly string[]).includes(dnsPolicy as string)) {
    causes.push(notSupported(child(path, 'dnsPolicy'), dnsPolicy, dnsPolicies));
  } else if (dnsPolicy === 'None' && !asObject(spec.dnsConfig)) {
    causes.push(required(child(path, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  causes.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  if (spec.serviceAccountName) {
    for (const msg of isDns1123Subdomain(spec.serviceAccountName as string)) {
      causes.push(invalid(child(path, 'serviceAccountName'), spec.serviceAccountName, msg));
    }
  }
  if (spec.hostname) {
    for (const msg of isDns1123Label(spec.hostname as string)) causes.push(invalid(child(path, 'hostname'), spec.hostname, msg));
  }
  if (spec.subdomain) {
    for (const msg of isDns1123Label(spec.subdomain as string)) causes.push(invalid(child(path, 'subdomain'), spec.subdomain, msg));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    causes.push(invalid(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  causes.push(...nonNegative(child(path, 'terminationGracePeriodSeconds'), spec.terminationGracePeriodSeconds));
  causes.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  return causes;
}

/** A pod template inside a workload: its labels and annotations, then its spec. */
export function validatePodTemplate(template: unknown, path: FieldPath, rules: PodSpecRules = {}): StatusCause[] {
  const t = asObject(template);
  if (!t) return [required(path)];
  const meta = asObject(t.metadata) ?? {};
  return [
    ...validateLabels(meta.labels, child(path, 'metadata', 'labels')),
    ...validateAnnotations(meta.annotations, child(path, 'metadata', 'annotations')),
    ...validatePodSpec(asObject(t.spec), child(path, 'spec'), rules),
  ];
}
