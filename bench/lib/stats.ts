/** Summary statistics over a handful of runs or many latency samples. */
export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 50),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return Number.NaN;
  if (p === 50 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return (sorted[mid - 1] + sorted[mid]) / 2;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
