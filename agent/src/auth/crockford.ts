/**
 * Crockford base32 for pairing codes: no I, L, O or U, so a code read off a terminal and typed into
 * a browser survives the usual confusions (I/L → 1, O → 0, any case, spaces and dashes ignored).
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Encode bytes, 5 bits per character, most significant first; the last character is zero-padded. */
export function encodeCrockford(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * What the user typed → the canonical form to compare: upper case, separators dropped, the
 * look-alikes mapped. Characters outside the alphabet are kept (uppercased), so they never match.
 */
export function normalizeCrockford(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** `ABCDEFGH` → `ABCD-EFGH`: groups of four, easier to read aloud and to type. */
export function groupCode(code: string, size = 4): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join('-');
}
