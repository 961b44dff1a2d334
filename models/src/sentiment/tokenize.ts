/**
 * Text → tokens for the sentiment classifier, shared by training and by vibe at inference.
 * Lowercases (NFKC), replaces URLs, cashtags and numbers by placeholder tokens, keeps words
 * (with inner apostrophes) and a few sentiment-bearing symbols. Any change here must bump
 * TOKENIZER_VERSION, which the manifest records and the scorer checks.
 */
export const TOKENIZER_VERSION = 1;

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const TOKEN_RE = /\$[a-z][a-z0-9._]*|[+-]?\d+(?:[.,]\d+)*%?|[a-z]+(?:['’][a-z]+)*|[!?%]/g;

export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase().replace(URL_RE, ' ');
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN_RE)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (first === 36 /* $ */) tokens.push('<cashtag>');
    else if ((first >= 48 && first <= 57) || first === 43 || first === 45) tokens.push(numberToken(token));
    else tokens.push(token.replace('’', "'"));
  }
  return tokens;
}

/** Numbers keep only their sign and whether they are a percentage: "-5%" and "+3.2%" differ. */
function numberToken(token: string): string {
  const sign = token.startsWith('-') ? '-' : token.startsWith('+') ? '+' : '';
  return `<num${sign}${token.endsWith('%') ? '%' : ''}>`;
}
