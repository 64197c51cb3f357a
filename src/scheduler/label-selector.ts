import type { LabelSelector, LabelSelectorRequirement } from './types.ts';

export type Labels = Record<string, string> | undefined;

/** A compiled label selector: matching is a plain function call in the filters' inner loops. */
export type LabelMatcher = (labels: Labels) => boolean;

export const matchNothing: LabelMatcher = () => false;
export const matchEverything: LabelMatcher = () => true;

/**
 * As apimachinery's metav1.LabelSelectorAsSelector: a missing selector selects nothing, an
 * empty one selects everything, matchLabels and matchExpressions are ANDed.
 */
export function compileLabelSelector(selector: LabelSelector | null | undefined): LabelMatcher {
  if (!selector) return matchNothing;
  const requirements: LabelSelectorRequirement[] = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })),
    ...(selector.matchExpressions ?? []),
  ];
  if (requirements.length === 0) return matchEverything;
  const checks = requirements.map(requirementMatcher);
  return (labels) => checks.every((check) => check(labels));
}

function requirementMatcher(req: LabelSelectorRequirement): LabelMatcher {
  const values = new Set(req.values ?? []);
  switch (req.operator) {
    case 'In':
      return (labels) => labels?.[req.key] !== undefined && values.has(labels[req.key]!);
    case 'NotIn':
      return (labels) => labels?.[req.key] === undefined || !values.has(labels[req.key]!);
    case 'Exists':
      return (labels) => labels?.[req.key] !== undefined;
    case 'DoesNotExist':
      return (labels) => labels?.[req.key] === undefined;
    default:
      return matchNothing;
  }
}
