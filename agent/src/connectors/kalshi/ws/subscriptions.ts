import type { MarketTicker } from '@pt/protocol';
import { MARKET_CHANNELS, type StreamChannel } from './types.js';

/** A client → server command (kalshi-api.md §4.1). */
export interface WsCommand {
  id: number;
  cmd: 'subscribe' | 'unsubscribe' | 'update_subscription';
  params: Record<string, unknown>;
}

interface ChannelSub {
  sid: number | null;
  /** Id of the subscribe command awaiting its `subscribed` answer. */
  pendingId: number | null;
  /** Markets the venue has (or will have, once answered) on this subscription. */
  tickers: Set<MarketTicker>;
}

const isMarketChannel = (channel: StreamChannel): boolean =>
  (MARKET_CHANNELS as readonly StreamChannel[]).includes(channel);

/**
 * The subscription book-keeping of one connection: which channel has which sid, which markets it
 * carries, and the commands that bring the venue in line with the wanted markets. One subscribe
 * per channel, so each `subscribed` answer maps to exactly one channel whatever the venue does
 * with multi-channel subscribes (UNCONFIRMED in kalshi-api.md §4.2). Market channels are only
 * subscribed while at least one market is wanted: `ticker` and `trade` without a market list
 * mean "every market on the exchange".
 */
export class Subscriptions {
  readonly wanted = new Set<MarketTicker>();
  private readonly subs = new Map<StreamChannel, ChannelSub>();
  private readonly channelBySid = new Map<number, StreamChannel>();
  private nextId = 1;

  constructor(
    readonly channels: readonly StreamChannel[],
    private readonly send: (command: WsCommand) => void,
  ) {
    this.reset();
  }

  /** A new connection: sids and seqs restart, nothing is subscribed yet. */
  reset(): void {
    this.channelBySid.clear();
    for (const channel of this.channels)
      this.subs.set(channel, { sid: null, pendingId: null, tickers: new Set() });
  }

  commandId(): number {
    return this.nextId++;
  }

  /** Sends whatever brings every channel in line with `wanted`; returns the subscribe ids sent. */
  syncAll(): number[] {
    return this.channels.flatMap((channel) => this.sync(channel));
  }

  sync(channel: StreamChannel): number[] {
    const sub = this.subs.get(channel);
    if (sub === undefined || sub.pendingId !== null) return [];
    const isMarket = isMarketChannel(channel);
    if (sub.sid === null) {
      if (isMarket && this.wanted.size === 0) return [];
      const id = this.commandId();
      sub.pendingId = id;
      sub.tickers = new Set(isMarket ? this.wanted : []);
      const params: Record<string, unknown> = { channels: [channel] };
      if (isMarket) params['market_tickers'] = [...this.wanted];
      // NO levels on the NO-leg scale, as REST /orderbook and the OrderBook expect. Pinned
      // explicitly: the venue has announced it will flip the default, then remove the flag.
      if (channel === 'orderbook_delta') params['use_yes_price'] = false;
      this.send({ id, cmd: 'subscribe', params });
      return [id];
    }
    if (!isMarket) return [];
    if (this.wanted.size === 0) {
      // An empty market list could mean "all markets" on some channels: drop the sid instead.
      this.send({ id: this.commandId(), cmd: 'unsubscribe', params: { sids: [sub.sid] } });
      this.channelBySid.delete(sub.sid);
      sub.sid = null;
      sub.tickers.clear();
      return [];
    }
    const toAdd = [...this.wanted].filter((t) => !sub.tickers.has(t));
    const toDelete = [...sub.tickers].filter((t) => !this.wanted.has(t));
    if (toAdd.length > 0) this.update(sub.sid, toAdd, 'add_markets');
    if (toDelete.length > 0) this.update(sub.sid, toDelete, 'delete_markets');
    for (const t of toAdd) sub.tickers.add(t);
    for (const t of toDelete) sub.tickers.delete(t);
    return [];
  }

  /** `subscribed` for command `id`: returns the channel it belongs to, if it is ours. */
  onSubscribed(id: number | undefined, sid: number): StreamChannel | null {
    for (const [channel, sub] of this.subs) {
      if (sub.pendingId === id || sub.sid === sid) {
        sub.pendingId = null;
        sub.sid = sid;
        this.channelBySid.set(sid, channel);
        return channel;
      }
    }
    return null;
  }

  /** An error answering one of our subscribes: the channel stays unsubscribed until re-synced. */
  onCommandFailed(id: number): StreamChannel | null {
    for (const [channel, sub] of this.subs) {
      if (sub.pendingId === id) {
        sub.pendingId = null;
        sub.tickers.clear();
        return channel;
      }
    }
    return null;
  }

  /** The venue ended subscription `sid` (terminal error 10/25): forget it so `sync` re-makes it. */
  dropSid(sid: number): StreamChannel | null {
    const channel = this.channelBySid.get(sid);
    if (channel === undefined) return null;
    this.channelBySid.delete(sid);
    const sub = this.subs.get(channel);
    if (sub !== undefined) {
      sub.sid = null;
      sub.tickers.clear();
    }
    return channel;
  }

  /** Markets currently on a channel's subscription (sent, answered or not). */
  tickersOf(channel: StreamChannel): MarketTicker[] {
    return [...(this.subs.get(channel)?.tickers ?? [])];
  }

  channelOf(sid: number): StreamChannel | undefined {
    return this.channelBySid.get(sid);
  }

  sidOf(channel: StreamChannel): number | null {
    return this.subs.get(channel)?.sid ?? null;
  }

  /** Asks for fresh orderbook snapshots (gap re-seed or liveness probe); returns the command id. */
  requestSnapshots(tickers: readonly MarketTicker[]): number | null {
    const sid = this.sidOf('orderbook_delta');
    if (sid === null || tickers.length === 0) return null;
    return this.update(sid, tickers, 'get_snapshot');
  }

  private update(sid: number, tickers: readonly MarketTicker[], action: string): number {
    const id = this.commandId();
    this.send({
      id,
      cmd: 'update_subscription',
      params: { sids: [sid], market_tickers: [...tickers], action },
    });
    return id;
  }
}
