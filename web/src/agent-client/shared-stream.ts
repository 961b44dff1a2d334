/**
 * One agent connection shared by every tab of the browser profile (run in a SharedWorker): one
 * StreamSession, its reports fanned out to each attached tab. A tab that attaches later is caught
 * up at once: the connection state, the agent's hello, and a REST reload of every stream already
 * loaded. The last tab to leave stops the session; a tab with another token (re-paired) restarts it.
 */
import type { AgentHello, StreamName } from '@pt/protocol';
import type { ConnectionStatus, StreamListener, StreamStartOptions } from './stream-types.js';

export interface SessionControl {
  start(): void;
  stop(): void;
}
export type CreateSession = (options: StreamStartOptions, listener: StreamListener) => SessionControl;

export class SharedStream {
  private session: SessionControl | null = null;
  private token: string | null = null;
  private readonly tabs = new Map<string, StreamListener>();
  private lastStatus: ConnectionStatus | null = null;
  private lastHello: AgentHello | null = null;
  private readonly loaded = new Set<StreamName>();

  constructor(private readonly createSession: CreateSession) {}

  get tabCount(): number {
    return this.tabs.size;
  }

  attach(tabId: string, options: StreamStartOptions, listener: StreamListener): void {
    this.tabs.set(tabId, listener);
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
    this.session = this.createSession(options, this.fanOut);
    this.session.start();
  }

  detach(tabId: string): void {
    this.tabs.delete(tabId);
    if (this.tabs.size > 0) return;
    this.session?.stop();
    this.session = null;
    this.token = null;
  }

  private readonly fanOut: StreamListener = {
    onStatus: (status) => {
      this.lastStatus = status;
      for (const tab of this.tabs.values()) tab.onStatus(status);
    },
    onHello: (hello) => {
      this.lastHello = hello;
      for (const tab of this.tabs.values()) tab.onHello(hello);
    },
    onEvent: (event) => {
      for (const tab of this.tabs.values()) tab.onEvent(event);
    },
    onReload: (stream) => {
      this.loaded.add(stream);
      for (const tab of this.tabs.values()) tab.onReload(stream);
    },
    onAgentError: (error) => {
      for (const tab of this.tabs.values()) tab.onAgentError(error);
    },
  };
}
