/**
 * Recent public trades of the opened market under its ladder: time, YES price, size and the taker's
 * side, newest first; re-read every few seconds while shown (the stream carries no trades).
 */
import { useEffect } from 'react';
import { formatCount, formatPrice, formatTime } from '../../lib/format.js';
import { RECENT_TRADES_SHOWN, useTradesStore } from './trades.store.js';
import './trades.css';

export const TRADES_POLL_MS = 5_000;

export function RecentTrades({ ticker }: { readonly ticker: string }) {
  const trades = useTradesStore((s) => (s.ticker === ticker ? s.trades : null));
  const isCached = useTradesStore((s) => s.isCached);
  const error = useTradesStore((s) => s.error);
  useEffect(() => {
    useTradesStore.getState().show(ticker);
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void useTradesStore.getState().reload();
    }, TRADES_POLL_MS);
    return () => clearInterval(timer);
  }, [ticker]);

  const shown = (trades ?? []).slice(0, RECENT_TRADES_SHOWN);
  return (
    <div className="recent-trades" data-testid="recent-trades" data-cached={isCached ? 'true' : 'false'}>
      <h3>Recent trades{isCached && <span className="muted"> (cached, waiting for the agent)</span>}</h3>
      {error !== null && (
        <p className="error" role="alert">
          Trades: {error}
        </p>
      )}
      {shown.length === 0 && error === null && <p className="muted">No trades yet.</p>}
      {shown.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">YES price</th>
              <th scope="col">Contracts</th>
              <th scope="col">Taker</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t.tradeId}>
                <td>
                  <time dateTime={new Date(t.executedAtMs).toISOString()}>{formatTime(t.executedAtMs)}</time>
                </td>
                <td>{formatPrice(t.yesPriceE4)}</td>
                <td>{formatCount(t.countE2)}</td>
                <td className={t.takerSide === 'yes' ? 'buy' : 'sell'}>
                  {t.takerSide === 'yes' ? 'YES' : 'NO'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
