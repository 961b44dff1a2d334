/** A model's age for the health panel: "12 min", "5 h", "3.5 days" (integer arithmetic, one decimal for days). */
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function formatModelAge(ageMs: number): string {
  if (ageMs < HOUR_MS) return `${Math.floor(ageMs / MINUTE_MS)} min`;
  if (ageMs < DAY_MS) return `${Math.floor(ageMs / HOUR_MS)} h`;
  const tenths = Math.floor((ageMs * 10) / DAY_MS);
  return `${Math.floor(tenths / 10)}.${tenths % 10} days`;
}
