/**
 * A model's age for the health panel: "under 1 h", "5 h", "3.5 days" (integer arithmetic, one decimal
 * for days). The agent floors ages to the hour.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function formatModelAge(ageMs: number): string {
  if (ageMs < HOUR_MS) return 'under 1 h';
  if (ageMs < DAY_MS) return `${Math.floor(ageMs / HOUR_MS)} h`;
  const tenths = Math.floor((ageMs * 10) / DAY_MS);
  return `${Math.floor(tenths / 10)}.${tenths % 10} days`;
}
