/**
 * metav1.LabelSelector matching, the one implementation every layer uses (the API's admission
 * and RBAC aggregation, the controllers, the scheduler). Pure and allocation-free: controllers
 * call it for every pod on every sync. The string form (`a=b,c in (d)`) is parsed by
 * src/api/selectors, which also validates.
 */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[] | null;
}

export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

/**
 * Whether `labels` satisfy a metav1.LabelSelector (metav1.LabelSelectorAsSelector + Matches).
 * As upstream, an empty selector matches everything: callers that must not select everything
 * (controllers) check `isEmptySelector` first.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false; // a nil selector selects nothing (labels.Nothing())
  const have = labels ?? {};
  // Called for every pod on every sync: a plain loop, no per-call allocations.
  const matchLabels = selector.matchLabels;
  if (matchLabels) for (const key in matchLabels) if (have[key] !== matchLabels[key]) return false;
  const expressions = selector.matchExpressions;
  if (!expressions) return true;
  for (const req of expressions) {
    const present = Object.prototype.hasOwnProperty.call(have, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!present || !values.includes(have[req.key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[req.key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A selector with no requirements: upstream controllers refuse to act on one (it would select every pod). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** A selector from a map (core/v1 ReplicationController's `spec.selector`). */
export function selectorFromMap(map: Record<string, string> | undefined): LabelSelector {
  return { matchLabels: { ...(map ?? {}) } };
}
