import type { IssuedPairingCode } from './pairing-codes.js';

/** `<origin>/pair#<code>`: the PWA's pairing page reads the code from the fragment, which no server sees. */
export function pairUrl(origin: string, code: string): string {
  return `${origin}/pair#${code}`;
}

/**
 * The lines a person reads to pair a browser (agent terminal on start-up, `pt-agent pair`). For a
 * terminal only: the code must never go to a log file or over the HTTP API.
 */
export function formatPairingNotice(issued: IssuedPairingCode & { pairUrl: string }, nowMs: number): string {
  const minutes = Math.max(0, Math.round((issued.expiresAtMs - nowMs) / 60_000));
  const at = new Date(issued.expiresAtMs).toISOString().slice(11, 19);
  return [
    `Pair a browser: open ${issued.pairUrl}`,
    `  or type the code ${issued.code} on the pairing page.`,
    `  Single use; expires in ${minutes} min (${at} UTC). \`pt-agent pair\` shows a new one.`,
    '',
  ].join('\n');
}
