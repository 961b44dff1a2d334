/**
 * A plain `ws` client on the agent's stream (auth by first message, hello, subscribe): counts the
 * book frames (`book.delta` / `book.snapshot`) the agent actually sends, per market, so the bench
 * prints the update rate achieved rather than the one asked of the simulator.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '@pt/protocol';

export interface StreamCounter {
  /** Book frames received so far, per ticker. */
  readonly counts: ReadonlyMap<string, number>;
  /** Total over `tickers` (all markets when omitted). */
  total(tickers?: readonly string[]): number;
  close(): void;
}

export async function openStreamCounter(
  wsUrl: string,
  origin: string,
  token: string,
  tickers: readonly string[],
): Promise<StreamCounter> {
  const ws = new WebSocket(wsUrl, { headers: { origin }, perMessageDeflate: false });
  const counts = new Map<string, number>();
  let subscribedChunks = 0;
  const chunks: string[][] = [];
  for (let i = 0; i < tickers.length; i += 500) chunks.push(tickers.slice(i, i + 500));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error('stream counter: no subscription within 20 s')), 20_000);
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as {
        type: string;
        ticker?: string;
        book?: { ticker: string };
        message?: string;
      };
      if (message.type === 'book.delta' || message.type === 'book.snapshot') {
        const ticker = message.ticker ?? message.book?.ticker ?? '?';
        counts.set(ticker, (counts.get(ticker) ?? 0) + 1);
      } else if (message.type === 'auth.accepted') {
        ws.send(
          JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'web-bench' }),
        );
      } else if (message.type === 'hello') {
        for (const chunk of chunks)
          ws.send(JSON.stringify({ type: 'subscribe', streams: [], tickers: chunk }));
      } else if (message.type === 'subscribed') {
        subscribedChunks += 1;
        if (subscribedChunks === chunks.length) {
          clearTimeout(timer);
          resolveReady();
        }
      } else if (message.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`stream counter: agent error ${message.message ?? ''}`));
      }
    });
  });
  return {
    counts,
    total: (only) => {
      let sum = 0;
      for (const [ticker, n] of counts) if (only === undefined || only.includes(ticker)) sum += n;
      return sum;
    },
    close: () => ws.close(),
  };
}
