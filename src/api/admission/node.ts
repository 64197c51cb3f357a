/** nodes: allocatable defaults to capacity (SetDefaults_NodeStatus); taints and pod CIDRs as ValidateNode. */
import type { StatusCause } from '../errors.ts';
import { asList, asObject, type Json } from './json-access.ts';
import { child, duplicate, index, invalid, notSupported, required } from './field-errors.ts';
import { isQualifiedName, isValidLabelValue } from './name-rules.ts';
import { defineStrategy } from './strategy.ts';

const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] as const;
const cidr = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/;

function defaults(obj: Json): void {
  const status = asObject(obj.status);
  if (status && asObject(status.capacity) && !asObject(status.allocatable)) status.allocatable = { ...asObject(status.capacity) };
}

function validate(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  asList(spec.taints).forEach((taint, i) => {
    const at = index('spec.taints', i);
    if (!taint.key) causes.push(required(child(at, 'key')));
    else for (const msg of isQualifiedName(taint.key as string)) causes.push(invalid(child(at, 'key'), taint.key, msg));
    if (typeof taint.value === 'string') {
      for (const msg of isValidLabelValue(taint.value)) causes.push(invalid(child(at, 'value'), taint.value, msg));
    }
    if (!taint.effect) causes.push(required(child(at, 'effect')));
    else if (!(taintEffects as readonly string[]).includes(taint.effect as string)) {
      causes.push(notSupported(child(at, 'effect'), taint.effect, taintEffects));
    }
    const identity = `${taint.key}:${taint.effect}`;
    if (seen.has(identity)) {
      causes.push(duplicate(at, taint));
    }
    seen.add(identity);
  });
  const cidrs = Array.isArray(spec.podCIDRs) ? (spec.podCIDRs as string[]) : spec.podCIDR ? [String(spec.podCIDR)] : [];
  cidrs.forEach((value, i) => {
    if (!cidr.test(value)) causes.push(invalid(`spec.podCIDRs[${i}]`, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
  });
  return causes;
}

export const nodeStrategy = defineStrategy({
  meta: { namespaced: false, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaults(obj as Json),
  validate: (obj) => validate(asObject(obj.spec) ?? {}),
  fieldLabels: (obj) => ({ 'spec.unschedulable': String(asObject(obj.spec)?.unschedulable === true) }),
});
