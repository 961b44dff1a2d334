/**
 * A follower tab's side of the relay: it asks whichever tab leads to attach it (again whenever a
 * new leader announces itself) and hands the reports addressed to it to the app. When the leader
 * goes (its tab closed, or a new leader appears without a goodbye) the tab says so at once: the
 * connection shows as disconnected and every book it holds is re-shown as not quotable, so no
 * stale book passes for live until the new leader's snapshots arrive.
 */
import type { OrderBook } from '@pt/protocol';
import { parseRelayMessage } from './relay-protocol.js';
import type { RelayChannel, RelayReport } from './relay-protocol.js';
import type { ConnectionStatus, StreamStartOptions, TabListener } from './stream-types.js';

const HANDOVER_DETAIL = 'agent connection moving to another tab: reconnecting';

export class RelayFollower {
  private tickers: readonly string[] = [];
  private leaderId: string | null = null;
  private environment: ConnectionStatus['environment'] = null;
  private readonly books = new Map<string, OrderBook>();
  private isRunning = false;

  constructor(
    private readonly channel: RelayChannel,
    private readonly tabId: string,
    private readonly options: StreamStartOptions,
    private readonly listener: TabListener,
  ) {}

  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.channel.addEventListener('message', this.onMessage);
    this.requestAttach();
  }

  /** Leaves the leader (this tab closes, or it is about to lead itself). */
  stop(): void {
    if (!this.isRunning) return;
    this.isRunning = false;
    this.channel.removeEventListener('message', this.onMessage);
    this.channel.postMessage({ kind: 'detach', from: this.tabId });
  }

  /**
   * This tab is about to lead: it stops following, and if it was following a leader that is now
   * gone without a goodbye (its tab crashed), shows its books as stale until its own session's
   * snapshots arrive.
   */
  handOver(): void {
    if (this.leaderId !== null) this.markStale();
    this.stop();
  }

  setTickers(tickers: readonly string[]): void {
    this.tickers = [...tickers];
    for (const ticker of this.books.keys()) if (!tickers.includes(ticker)) this.books.delete(ticker);
    if (this.isRunning)
      this.channel.postMessage({ kind: 'tickers', from: this.tabId, tickers: this.tickers });
  }

  private requestAttach(): void {
    this.channel.postMessage({
      kind: 'attach',
      from: this.tabId,
      options: this.options,
      tickers: this.tickers,
    });
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const message = parseRelayMessage(event.data);
    if (message === null) return;
    if (message.kind === 'leader') {
      if (message.leaderId === this.leaderId) return;
      if (this.leaderId !== null) this.markStale();
      this.leaderId = message.leaderId;
      // A takeover announcement: the new leader has not heard this tab's request (it was not
      // listening yet, or the request went to the old one). A welcome answers a request in flight.
      if (message.welcomed === undefined) this.requestAttach();
    } else if (message.kind === 'leader-gone') {
      if (message.leaderId === this.leaderId) this.markStale();
    } else if (message.kind === 'report' && message.to === this.tabId) {
      this.deliver(message.report);
    }
  };

  /** The leader is gone: nothing shown may pass for live until the next one resyncs. */
  private markStale(): void {
    this.leaderId = null;
    this.listener.onNotifier(false);
    this.listener.onStatus({
      state: 'disconnected',
      detail: HANDOVER_DETAIL,
      environment: this.environment,
      retryInMs: null,
    });
    for (const book of this.books.values()) this.listener.onBook({ ...book, isQuotable: false });
  }

  private deliver(report: RelayReport): void {
    switch (report.type) {
      case 'status':
        this.environment = report.status.environment ?? this.environment;
        this.listener.onStatus(report.status);
        return;
      case 'hello':
        this.listener.onHello(report.hello);
        return;
      case 'event':
        this.listener.onEvent(report.event);
        return;
      case 'book':
        if (this.tickers.includes(report.book.ticker)) this.books.set(report.book.ticker, report.book);
        this.listener.onBook(report.book);
        return;
      case 'reload':
        this.listener.onReload(report.stream);
        return;
      case 'agentError':
        this.listener.onAgentError(report.error);
        return;
      case 'notifier':
        this.listener.onNotifier(report.isNotifier);
        return;
    }
  }
}
