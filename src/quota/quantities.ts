import { Quantity } from '../quantity/quantity.ts';

/** Usage of a set of quota resources (`pods`, `requests.cpu`...), as upstream's corev1.ResourceList. */
export type Usage = Map<string, Quantity>;

export const zeroQuantity = new Quantity(0n, 0, 'DecimalSI');

/** a + b exactly; the sum keeps a's format unless a is zero (as upstream's Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const exponent = Math.min(a.exponent, b.exponent);
  return new Quantity(a.scaled(exponent) + b.scaled(exponent), exponent, a.isZero() ? b.format : a.format);
}

/** max(a - b, 0), as upstream's quota.SubtractWithNonNegativeResult does per resource. */
export function subtractNonNegative(a: Quantity, b: Quantity): Quantity {
  const exponent = Math.min(a.exponent, b.exponent);
  const diff = a.scaled(exponent) - b.scaled(exponent);
  return diff > 0n ? new Quantity(diff, exponent, a.format) : zeroQuantity;
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.compare(a) > 0 ? b : a;
}

/** Adds `more` into `into` (quota.Add). */
export function addUsage(into: Usage, more: Usage): Usage {
  for (const [name, value] of more) into.set(name, addQuantities(into.get(name) ?? zeroQuantity, value));
  return into;
}

/** The resources of `usage` named in `names` (quota.Mask). */
export function maskUsage(usage: Usage, names: Iterable<string>): Usage {
  const out: Usage = new Map();
  for (const name of names) {
    const value = usage.get(name);
    if (value) out.set(name, value);
  }
  return out;
}

/** `a=1,b=2Gi`, sorted by name, as upstream's prettyPrint in quota admission messages. */
export function prettyPrintUsage(usage: Usage): string {
  return [...usage.keys()]
    .sort()
    .map((name) => `${name}=${usage.get(name)!.toString()}`)
    .join(',');
}

/** The wire form, canonical quantities as the API stores them. */
export function usageToResourceList(usage: Usage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...usage.keys()].sort()) out[name] = usage.get(name)!.toString();
  return out;
}
