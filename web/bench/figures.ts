/** Percentiles and the one-line-per-figure format (`name: value (target …) MET | BELOW TARGET`). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function line(name: string, value: string, target: string, isMet: boolean): string {
  return `web ${name}: ${value} (target ${target}) ${isMet ? 'MET' : 'BELOW TARGET'}`;
}

export function info(name: string, value: string): string {
  return `web ${name}: ${value}`;
}
