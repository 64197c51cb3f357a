import { errors } from '../errors.ts';

/** Upstream's decoder refuses documents nested deeper than this (k8s.io/apimachinery json, maxDepth). */
export const MAX_JSON_DEPTH = 10_000;

/**
 * Refuses a parsed body nested deeper than MAX_JSON_DEPTH with a 400, before any recursive
 * code (pruning, validation, patching) walks it. Iterative, so the check itself cannot
 * overflow the stack.
 */
export function checkDepth(value: unknown): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) throw errors.badRequest(`the request body is nested deeper than the maximum depth of ${MAX_JSON_DEPTH}`);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
}
