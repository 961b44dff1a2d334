/**
 * Pairing and connection state: whether this browser is paired, the stream's connection state
 * (shown at once: "agent disconnected" is a safety signal) and what the agent said in hello.
 */
import type { TradingEnvironment } from '@pt/protocol';
import { create } from 'zustand';
import type { ConnectionStatus, StoredPairing } from '../../agent-client/index.js';

export type SessionPhase = 'loading' | 'unpaired' | 'paired';

export interface SessionState {
  readonly phase: SessionPhase;
  readonly pairing: StoredPairing | null;
  /** Why the pairing page is showing (token refused, device revoked), if not the first visit. */
  readonly notice: string | null;
  readonly connection: ConnectionStatus;
  readonly environment: TradingEnvironment | null;
  readonly agentVersion: string | null;
}

export const INITIAL_CONNECTION: ConnectionStatus = {
  state: 'connecting',
  detail: 'connecting to the agent',
  environment: null,
  retryInMs: null,
};

export const useSessionStore = create<SessionState>(() => ({
  phase: 'loading',
  pairing: null,
  notice: null,
  connection: INITIAL_CONNECTION,
  environment: null,
  agentVersion: null,
}));
