import type { LabelSelector } from './types.ts';
import { isEmptySelector, selectorMatches } from '../selectors/label-selector-match.ts';

export type Labels = Record<string, string> | undefined;

/** A label selector bound once, so the filters' inner loops make a plain function call. */
export type LabelMatcher = (labels: Labels) => boolean;

export const matchNothing: LabelMatcher = () => false;
export const matchEverything: LabelMatcher = () => true;

/**
 * As apimachinery's metav1.LabelSelectorAsSelector: a missing selector selects nothing, an
 * empty one selects everything, matchLabels and matchExpressions are ANDed.
 */
export function compileLabelSelector(selector: LabelSelector | null | undefined): LabelMatcher {
  if (!selector) return matchNothing;
  if (isEmptySelector(selector)) return matchEverything;
  return (labels) => selectorMatches(selector, labels);
}
