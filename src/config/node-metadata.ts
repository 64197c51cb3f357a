import { InvalidValue } from './errors.ts';
import { isDnsSubdomain } from './value-kinds.ts';

/** A node taint as the Node API spells it (core/v1 Taint, without timeAdded). */
export interface NodeTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

const TAINT_EFFECTS: readonly NodeTaint['effect'][] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

// apimachinery's validation.IsQualifiedName / IsValidLabelValue, which the API server applies to labels.
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function isQualifiedName(text: string): boolean {
  const slash = text.lastIndexOf('/');
  const prefix = slash >= 0 ? text.slice(0, slash) : undefined;
  const name = slash >= 0 ? text.slice(slash + 1) : text;
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return name.length <= 63 && NAME_PART.test(name);
}

function isLabelValue(text: string): boolean {
  return text === '' || (text.length <= 63 && NAME_PART.test(text));
}

/** `key=value`, as kubelet's --node-labels and k3s' --node-label. */
export function parseNodeLabel(text: string): [string, string] {
  const equals = text.indexOf('=');
  const key = equals >= 0 ? text.slice(0, equals) : text;
  const value = equals >= 0 ? text.slice(equals + 1) : '';
  if (equals < 0 || !isQualifiedName(key) || !isLabelValue(value)) {
    throw new InvalidValue(`expected a label key=value with a valid Kubernetes label key and value, got "${text}"`);
  }
  return [key, value];
}

/** `key=value:Effect` or `key:Effect`, as kubelet's --register-with-taints and k3s' --node-taint. */
export function parseNodeTaint(text: string): NodeTaint {
  const colon = text.lastIndexOf(':');
  const effect = text.slice(colon + 1) as NodeTaint['effect'];
  const keyValue = colon >= 0 ? text.slice(0, colon) : '';
  const equals = keyValue.indexOf('=');
  const key = equals >= 0 ? keyValue.slice(0, equals) : keyValue;
  const value = equals >= 0 ? keyValue.slice(equals + 1) : undefined;
  if (colon < 0 || !TAINT_EFFECTS.includes(effect) || !isQualifiedName(key) || (value !== undefined && !isLabelValue(value))) {
    throw new InvalidValue(
      `expected a taint key=value:Effect or key:Effect with Effect one of ${TAINT_EFFECTS.join(', ')}, got "${text}"`,
    );
  }
  return value === undefined || value === '' ? { key, effect } : { key, value, effect };
}

export function formatNodeTaint(taint: NodeTaint): string {
  return taint.value === undefined ? `${taint.key}:${taint.effect}` : `${taint.key}=${taint.value}:${taint.effect}`;
}
