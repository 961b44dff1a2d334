/**
 * "A vs B" in results tweets ("Q3 EPS $1.10 vs. $0.95 consensus", "revs 4.9% vs 4.1%"): whether the
 * first number is above or below the second. The tokenizer maps numbers to placeholders, so the
 * bag of words cannot see this; one feature (`cmp:gt` / `cmp:lt`) carries it. Only the first
 * comparison in a text counts; equal numbers give none.
 */
const COMPARISON_RE =
  /(-?\$?\d[\d,]*(?:\.\d+)?)\s*(?:cents?|%|[mbk]|million|billion)?\s*(?:vs\.?|versus)\s*(-?\$?\d[\d,]*(?:\.\d+)?)/i;

export function numberComparisonFeatures(text: string): string[] {
  const match = COMPARISON_RE.exec(text);
  if (!match) return [];
  const value = (s: string | undefined): number => Number((s ?? '').replace(/[$,]/g, ''));
  const a = value(match[1]);
  const b = value(match[2]);
  if (a > b) return ['cmp:gt'];
  if (a < b) return ['cmp:lt'];
  return [];
}
