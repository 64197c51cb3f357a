/**
 * status.completedIndexes as upstream's succeededIndexesToString writes it: sorted indexes,
 * each run of consecutive numbers (two or more) written `first-last` ("1,3-5,7").
 */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The inverse of formatIndexes; indexes at or beyond `completions` are dropped, as upstream's parser does. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [from, to] = part.split('-').map(Number);
    if (!Number.isInteger(from)) continue;
    for (let i = from!; i <= (to ?? from!) && i < completions; i++) out.add(i);
  }
  return out;
}
