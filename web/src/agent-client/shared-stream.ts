/**
 * One agent connection shared by every tab of the browser profile (run in a SharedWorker): one
 * StreamSession, its reports fanned out to each attached tab. A tab that attaches later is caught
 * up at once: the connection state, the agent's hello, and a REST reload of every stream already
 * loaded. Market books are rebuilt here (snapshot + deltas) and each tab that follows a market gets
 * the whole book, at once when it starts following one another tab already follows. The last tab
 * to leave stops the session; a tab with another token (re-paired) restarts it. One tab (the first
 * attached, then the oldest left) is told it is the notifier, so a fill notifies once, not per tab.
 */
import { applyBookChanges } from '@pt/protocol';
import type { AgentHello, OrderBook, ServerEvent, StreamName } from '@pt/protocol';
import type { ConnectionStatus, StreamListener, StreamStartOptions, TabListener } from './stream-types.js';

export interface SessionControl {
  start(): void;
  stop(): void;
  setTickers(tickers: readonly string[]): void;
}
export type CreateSession = (options: StreamStartOptions, listener: StreamListener) => SessionControl;

interface Tab {
  readonly listener: TabListener;
  tickers: ReadonlySet<string>;
}

export class SharedStream {
  private session: SessionControl | null = null;
  private token: string | null = null;
  private readonly tabs = new Map<string, Tab>();
  private lastStatus: ConnectionStatus | null = null;
  private lastHello: AgentHello | null = null;
  private readonly loaded = new Set<StreamName>();
  private readonly books = new Map<string, OrderBook>();
  private notifierId: string | null = null;

  constructor(private readonly createSession: CreateSession) {}

  get tabCount(): number {
    return this.tabs.size;
  }

  attach(tabId: string, options: StreamStartOptions, listener: TabListener): void {
    const isKnown = this.tabs.get(tabId)?.listener === listener;
    this.tabs.set(tabId, { listener, tickers: this.tabs.get(tabId)?.tickers ?? new Set() });
    if (!isKnown && this.notifierId === tabId) this.notifierId = null;
    this.electNotifier();
    if (this.session !== null && this.token === options.token) {
      if (this.lastStatus !== null) listener.onStatus(this.lastStatus);
      if (this.lastHello !== null) listener.onHello(this.lastHello);
      for (const stream of this.loaded) listener.onReload(stream);
      return;
    }
    this.session?.stop();
    this.token = options.token;
    this.lastHello = null;
    this.loaded.clear();
    this.books.clear();
    this.session = this.createSession(options, this.fanOut);
    this.session.setTickers(this.wantedTickers());
    this.session.start();
  }

  detach(tabId: string): void {
    this.tabs.delete(tabId);
    this.electNotifier();
    if (this.tabs.size > 0) {
      this.followWanted();
      return;
    }
    this.session?.stop();
    this.session = null;
    this.token = null;
  }

  /** The markets this tab shows; the session follows the union over all tabs. */
  setTickers(tabId: string, tickers: readonly string[]): void {
    const tab = this.tabs.get(tabId);
    if (tab === undefined) return;
    tab.tickers = new Set(tickers);
    for (const ticker of tab.tickers) {
      const book = this.books.get(ticker);
      if (book !== undefined) tab.listener.onBook(book);
    }
    this.followWanted();
  }

  /** The oldest tab still attached notifies; it is told when it becomes the one. */
  private electNotifier(): void {
    const first = this.tabs.keys().next();
    const next = first.done === true ? null : first.value;
    if (next === this.notifierId) return;
    this.notifierId = next;
    if (next !== null) this.tabs.get(next)?.listener.onNotifier(true);
  }

  private wantedTickers(): string[] {
    return [...new Set([...this.tabs.values()].flatMap((tab) => [...tab.tickers]))];
  }

  private followWanted(): void {
    const wanted = this.wantedTickers();
    for (const ticker of this.books.keys()) if (!wanted.includes(ticker)) this.books.delete(ticker);
    this.session?.setTickers(wanted);
  }

  private publishBook(book: OrderBook): void {
    this.books.set(book.ticker, book);
    for (const tab of this.tabs.values()) if (tab.tickers.has(book.ticker)) tab.listener.onBook(book);
  }

  private onEvent(event: ServerEvent): void {
    if (event.type === 'book.snapshot') {
      this.publishBook(event.book);
      return;
    }
    if (event.type === 'book.delta') {
      // Without a snapshot there is nothing to apply to; the agent sends one after every subscribe.
      const known = this.books.get(event.ticker);
      if (known !== undefined) this.publishBook(applyBookChanges(known, event));
      return;
    }
    for (const tab of this.tabs.values()) tab.listener.onEvent(event);
  }

  private readonly fanOut: StreamListener = {
    onStatus: (status) => {
      this.lastStatus = status;
      for (const tab of this.tabs.values()) tab.listener.onStatus(status);
    },
    onHello: (hello) => {
      this.lastHello = hello;
      for (const tab of this.tabs.values()) tab.listener.onHello(hello);
    },
    onEvent: (event) => this.onEvent(event),
    onBook: (book) => this.publishBook(book),
    onReload: (stream) => {
      this.loaded.add(stream);
      for (const tab of this.tabs.values()) tab.listener.onReload(stream);
    },
    onAgentError: (error) => {
      for (const tab of this.tabs.values()) tab.listener.onAgentError(error);
    },
  };
}
