/**
 * Start-up and pairing: reads the stored token, opens the one stream connection, and swaps to the
 * pairing page when the agent refuses the token (revoked, expired). Wiring only.
 */
import type { PairResponse } from '@pt/protocol';
import { createRestClient, createTokenStore, startStream, streamUrlFor } from '../agent-client/index.js';
import type { CommandResult, StoredPairing, StreamHandle } from '../agent-client/index.js';
import { AppDb } from '../db/app-db.js';
import { startCacheSync } from '../db/cache-sync.js';
import { MarketCache } from '../db/market-cache.js';
import { INITIAL_CONNECTION, useSessionStore } from '../features/session/session.store.js';
import { setAgentRest, setMarketFollower } from './services.js';
import { SUBSCRIBED_STREAMS, createStreamDispatch } from './stream-dispatch.js';

const CLIENT_VERSION = 'web/0.1.0';

const db = new AppDb();
const tokens = createTokenStore(db);
let stream: StreamHandle | null = null;
let followed: readonly string[] = [];

const rest = createRestClient({
  baseUrl: '',
  token: () => useSessionStore.getState().pairing?.token ?? null,
  onUnauthorized: () => void unpair('The agent no longer accepts this browser’s token: pair again.'),
});

function connect(pairing: StoredPairing): void {
  stream?.stop();
  useSessionStore.setState({ phase: 'paired', pairing, notice: null, connection: INITIAL_CONNECTION });
  const dispatch = createStreamDispatch((detail) => void unpair(`Disconnected: ${detail}`));
  stream = startStream(
    {
      url: streamUrlFor(location.origin),
      token: pairing.token,
      streams: SUBSCRIBED_STREAMS,
      clientVersion: CLIENT_VERSION,
    },
    dispatch,
  );
  stream.setTickers(followed);
}

async function unpair(notice: string): Promise<void> {
  if (useSessionStore.getState().phase !== 'paired') return;
  stream?.stop();
  stream = null;
  useSessionStore.setState({ phase: 'unpaired', pairing: null, notice });
  await tokens.clear();
}

export async function boot(): Promise<void> {
  setAgentRest(rest);
  // Paints the last markets and trades at once, marked cached until the agent answers.
  startCacheSync(new MarketCache(db));
  setMarketFollower((tickers) => {
    followed = tickers;
    stream?.setTickers(tickers);
  });
  const pairing = await tokens.load().catch(() => null);
  if (pairing === null) useSessionStore.setState({ phase: 'unpaired' });
  else connect(pairing);
}

/** POST /v1/pair with the code; on success the token is stored and the app connects. */
export async function pairBrowser(code: string, deviceName: string): Promise<CommandResult<PairResponse>> {
  const result = await rest.pair({ code, deviceName });
  if (result.ok) {
    const pairing: StoredPairing = {
      token: result.data.token,
      deviceId: result.data.deviceId,
      pairedAtMs: Date.now(),
    };
    await tokens.save(pairing);
    connect(pairing);
  }
  return result;
}
