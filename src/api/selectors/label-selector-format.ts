import { fromLabelSelector, type ApiLabelSelector } from './label-selector.ts';

/**
 * LabelSelectorAsSelector(selector).String() for a metav1.LabelSelector found in an object:
 * '' when it selects everything or nothing, undefined when it does not convert (printers
 * then show `<error>` or `<invalid>` as upstream's do).
 */
export function labelSelectorString(selector: unknown): string | undefined {
  try {
    return fromLabelSelector((selector ?? undefined) as ApiLabelSelector | undefined).toString();
  } catch {
    return undefined;
  }
}
