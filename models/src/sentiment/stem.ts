/** A crude English suffix stripper shared by the n-gram features and the lexicon lookups. */
const SUFFIXES = ['ings', 'ing', 'edly', 'ed', 's', 'ly'];

/** Strips one common English suffix, keeping at least 3 letters (`cuts` → `cut`, `lowered` → `lower`). */
export function stemOf(token: string): string {
  if (token.length < 4 || token.startsWith('<')) return token;
  for (const suffix of SUFFIXES) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
  }
  return token;
}
