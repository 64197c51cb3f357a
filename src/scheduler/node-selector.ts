import type { Labels } from './label-selector.ts';
import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from './types.ts';

/** A compiled node selector term or term list: called once per node per pod. */
export type NodeMatcher = (node: Node) => boolean;

/**
 * As component-helpers' nodeaffinity: terms are ORed, the requirements of one term ANDed; a
 * term with no requirements matches no node; matchFields supports `metadata.name` only.
 */
export function compileNodeSelectorTerms(terms: NodeSelectorTerm[]): NodeMatcher {
  const compiled = terms.map(compileNodeSelectorTerm);
  return (node) => compiled.some((matches) => matches(node));
}

export function compileNodeSelectorTerm(term: NodeSelectorTerm): NodeMatcher {
  const expressions = (term.matchExpressions ?? []).map(requirementMatcher);
  const fields = (term.matchFields ?? []).map((req) => {
    if (req.key !== 'metadata.name') return () => false;
    const check = requirementMatcher(req);
    return (node: Node) => check({ 'metadata.name': node.metadata.name ?? '' });
  });
  if (expressions.length === 0 && fields.length === 0) return () => false;
  return (node) => expressions.every((check) => check(node.metadata.labels)) && fields.every((check) => check(node));
}

function requirementMatcher(req: NodeSelectorRequirement): (labels: Labels) => boolean {
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
    case 'Gt':
    case 'Lt': {
      // As upstream: both sides must be integers, otherwise the requirement does not match.
      const bound = req.values?.length === 1 ? parseInteger(req.values[0]!) : undefined;
      return (labels) => {
        const raw = labels?.[req.key];
        const actual = raw === undefined ? undefined : parseInteger(raw);
        if (bound === undefined || actual === undefined) return false;
        return req.operator === 'Gt' ? actual > bound : actual < bound;
      };
    }
    default:
      return () => false;
  }
}

function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}
