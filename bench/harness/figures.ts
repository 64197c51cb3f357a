/**
 * A figure a benchmark reports: one number, its unit, the issue's target when it names one,
 * and free text for what was measured beside it in the same run (a baseline, a peer).
 */
export interface Figure {
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** Side-by-side context: the baseline measured in the same run, sample counts. */
  note?: string;
}

/** The issue's bound for a figure: a ceiling (latencies, memory) or a floor (rates, ratios). */
export type Target = { atMost: number } | { atLeast: number };

export type Verdict = 'PASS' | 'MISS' | '';

/**
 * Whether a figure meets its target; '' when the issue names none (context figures).
 *
 * @example
 * verdict({ benchmark: 'b', name: 'n', value: 0.8, unit: 's', target: { atMost: 1 } }) // 'PASS'
 */
export function verdict(figure: Figure): Verdict {
  const t = figure.target;
  if (!t) return '';
  if (!Number.isFinite(figure.value)) return 'MISS';
  if ('atMost' in t) return figure.value <= t.atMost ? 'PASS' : 'MISS';
  return figure.value >= t.atLeast ? 'PASS' : 'MISS';
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return `n/a ${unit}`.trim();
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  return 'atMost' in target ? `<= ${formatValue(target.atMost, unit)}` : `>= ${formatValue(target.atLeast, unit)}`;
}

/** One line per figure, as a benchmark prints its own results. */
export function printFigures(figures: readonly Figure[], out: (line: string) => void = console.log): void {
  for (const f of figures) {
    const mark = verdict(f);
    const target = f.target ? `  (target ${formatTarget(f.target, f.unit)}: ${mark})` : '';
    out(`  ${f.name.padEnd(56)} ${formatValue(f.value, f.unit).padStart(14)}${target}${f.note ? `  [${f.note}]` : ''}`);
  }
}

/** The summary table bench/run.ts ends with: every figure with its target and verdict. */
export function summaryTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.benchmark, f.name, formatValue(f.value, f.unit), formatTarget(f.target, f.unit), verdict(f)]);
  const header = ['benchmark', 'figure', 'value', 'target', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
