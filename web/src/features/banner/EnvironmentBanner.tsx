/**
 * Always visible: the environment (SIM / DEMO / LIVE), the trading state (HALTED and REDUCING in
 * words, with the reason) and the agent connection. Reads the stores directly and renders on every
 * change: all three are safety signals.
 */
import { FlattenAllButton } from '../flatten/FlattenAll.js';
import { useSessionStore } from '../session/session.store.js';
import { useTradingStore } from '../trading/trading.store.js';

export function EnvironmentBanner() {
  const environment = useSessionStore((s) => s.environment);
  const connection = useSessionStore((s) => s.connection);
  const tradingState = useTradingStore((s) => s.tradingState);
  const mode = tradingState?.mode ?? null;
  const isConnected = connection.state === 'open';

  return (
    <header className={`banner env-${environment ?? 'unknown'}`} aria-label="Environment and trading state">
      <strong className="env" data-testid="environment">
        {environment === null ? '…' : environment.toUpperCase()}
      </strong>
      <span className={`mode mode-${mode ?? 'unknown'}`} data-testid="trading-mode" role="status">
        {mode === null ? 'Trading state unknown' : `Trading ${mode.toUpperCase()}`}
        {tradingState !== null && mode !== 'active' && (
          <span className="reason"> — {tradingState.reason}</span>
        )}
      </span>
      <FlattenAllButton />
      <span className={`conn conn-${connection.state}`} data-testid="connection">
        {isConnected ? 'Agent connected' : connection.detail}
      </span>
      {!isConnected && connection.state !== 'connecting' && (
        <span className="visually-hidden" role="alert">
          Agent disconnected: the numbers shown are not live.
        </span>
      )}
    </header>
  );
}
