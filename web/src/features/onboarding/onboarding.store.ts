/**
 * Onboarding steps 2 and 3 after pairing: the Kalshi key the agent holds (imported from the page or
 * the CLI; the key goes to the agent's OS keychain and never comes back, only its fingerprint) and
 * the venue the agent trades on (sim, demo, or live behind the typed acknowledgement).
 */
import type {
  CredentialsOverview,
  EnvironmentOverview,
  PutCredentialsRequest,
  SwitchEnvironmentRequest,
} from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export interface OnboardingState {
  readonly credentials: CredentialsOverview | null;
  readonly environment: EnvironmentOverview | null;
  readonly loadError: string | null;
  /** The agent's answer to the last key import or switch: what went wrong, or what was done. */
  readonly keyOutcome: { readonly ok: boolean; readonly text: string } | null;
  readonly switchOutcome: { readonly ok: boolean; readonly text: string } | null;
  readonly load: () => Promise<void>;
  readonly importKey: (request: PutCredentialsRequest) => Promise<void>;
  readonly switchTo: (request: SwitchEnvironmentRequest) => Promise<void>;
}

export const useOnboardingStore = create<OnboardingState>((set, get) => ({
  credentials: null,
  environment: null,
  loadError: null,
  keyOutcome: null,
  switchOutcome: null,
  load: async () => {
    try {
      // One after the other: each answer probes the agent's keychain with the same probe entry,
      // and two probes at once can clobber each other (the agent then reports it unavailable).
      const credentials = await agentRest().credentials();
      const environment = await agentRest().environment();
      set({ credentials, environment, loadError: null });
    } catch (err) {
      set({ loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  importKey: async (request) => {
    const result = await agentRest().putCredentials(request);
    set({
      keyOutcome: result.ok
        ? {
            ok: true,
            text: `Stored ${result.data.environment} key ${result.data.keyId} (${result.data.fingerprint})`,
          }
        : { ok: false, text: result.error.message },
    });
    await get().load();
  },
  switchTo: async (request) => {
    const result = await agentRest().switchEnvironment(request);
    set({
      switchOutcome: result.ok
        ? { ok: true, text: `Switching to ${result.data.environment}` }
        : { ok: false, text: `${result.error.code}: ${result.error.message}` },
    });
    await get().load();
  },
}));
