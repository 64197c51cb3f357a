/**
 * Label selectors as kube-apiserver reads them: from the `labelSelector` query string
 * (labels.Parse) or from an object's metav1.LabelSelector (LabelSelectorAsSelector).
 *
 * @example
 * const s = parseLabelSelector('app=web,tier in (a,b),!legacy');
 * s.matches({ app: 'web', tier: 'a' }); // true
 * s.toString(); // "!legacy,app=web,tier in (a,b)"
 */
import { compareBytes, newRequirement, requirementMatches, requirementString, type LabelOperator, type LabelRequirement } from './label-requirement.ts';
import { parseLabelRequirements, stableSortByKey } from './label-selector-parser.ts';
import { SelectorError } from './selector-error.ts';

export type { LabelOperator, LabelRequirement } from './label-requirement.ts';
export { SelectorError } from './selector-error.ts';

export class LabelSelector {
  /**
   * @param requirements all must hold (sorted by key, as upstream keeps them)
   * @param matchesNothing labels.Nothing(): the selector of a nil metav1.LabelSelector
   */
  constructor(
    readonly requirements: readonly LabelRequirement[],
    readonly matchesNothing = false,
  ) {}

  /** Selects everything (an empty selector string or an empty metav1.LabelSelector). */
  static everything(): LabelSelector {
    return new LabelSelector([]);
  }

  static nothing(): LabelSelector {
    return new LabelSelector([], true);
  }

  /** True when the selector does not restrict anything. */
  get empty(): boolean {
    return !this.matchesNothing && this.requirements.length === 0;
  }

  matches(labels: Record<string, string> | undefined): boolean {
    if (this.matchesNothing) return false;
    const set = labels ?? {};
    return this.requirements.every((r) => requirementMatches(r, set));
  }

  /**
   * The value a label must have for the selector to match, when the selector pins it
   * (`k=v`, `k==v`, `k in (v)`), as Selector.RequiresExactMatch; lets callers use an index.
   */
  requiresExactMatch(key: string): string | undefined {
    const r = this.requirements.find((x) => x.key === key);
    if (!r) return undefined;
    return (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1 ? r.values[0] : undefined;
  }

  /** The canonical string form (Selector.String); '' for everything and for nothing. */
  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/**
 * Parses the string form exactly as labels.Parse. Throws SelectorError (a 400 BadRequest)
 * with upstream's message, e.g. `unable to parse requirement: found '', expected: ...`.
 */
export function parseLabelSelector(selector: string): LabelSelector {
  return new LabelSelector(parseLabelRequirements(selector));
}

/** metav1.LabelSelector as it appears in objects (Deployment.spec.selector and others). */
export interface ApiLabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] | null }> | null;
}

const expressionOperators: Record<string, LabelOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector: a missing selector selects nothing, an empty one
 * everything; matchLabels become `k=v` requirements, matchExpressions In/NotIn/Exists/
 * DoesNotExist. Throws SelectorError with upstream's message when one does not convert.
 */
export function fromLabelSelector(selector: ApiLabelSelector | null | undefined): LabelSelector {
  if (selector === null || selector === undefined) return LabelSelector.nothing();
  const matchLabels = selector.matchLabels ?? {};
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + expressions.length === 0) return LabelSelector.everything();
  const requirements: LabelRequirement[] = [];
  for (const key of Object.keys(matchLabels).sort(compareBytes)) {
    requirements.push(newRequirement(key, '=', [matchLabels[key]]));
  }
  for (const expr of expressions) {
    const op = expressionOperators[expr.operator];
    if (!op) throw new SelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    // Upstream copies the values with append([]string(nil), ...), so an empty list is a nil slice.
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    requirements.push(newRequirement(expr.key, op, values));
  }
  return new LabelSelector(stableSortByKey(requirements));
}
