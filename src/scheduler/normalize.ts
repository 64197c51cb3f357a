import { MAX_NODE_SCORE } from './framework.ts';

/**
 * As upstream's helper.DefaultNormalizeScore: scales scores so the highest becomes 100
 * (integer division); `reverse` flips them so the lowest raw score wins. All zero: unchanged,
 * or all 100 when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const scaled = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
  }
}
