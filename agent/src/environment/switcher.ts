/**
 * The steps of a switch, without the policy (EnvironmentRuntime decides whether a switch may
 * happen; this does it): stop venue → close store → open the target store → (live: record the
 * acknowledgement) → start the target venue. A failure on the way reopens the previous
 * environment, so the agent never ends up without a store.
 */
import type { LiveAcknowledgement, TradingEnvironment } from '@pt/protocol';
import type { AuthenticatedDevice } from '../auth/types.js';
import { AgentError, isAgentError } from '../lib/errors.js';
import type { Store } from '../store/index.js';
import { latestLiveAcknowledgement, recordLiveAcknowledgement } from './live-ack.js';
import { writePersistedEnvironment } from './persisted-choice.js';
import type { CurrentEnvironment, EnvironmentRuntimeOptions, EnvironmentVenue } from './types.js';

export type SwitchResult =
  { ok: true; active: CurrentEnvironment } | { ok: false; active: CurrentEnvironment; error: AgentError };

export const LIVE_ACK_NEEDED = 'Live needs your acknowledgement';

export class EnvironmentSwitcher {
  constructor(
    private readonly options: EnvironmentRuntimeOptions,
    private readonly nowMs: () => number,
  ) {}

  /** The environment opened on its store, venue null, awaiting the live acknowledgement if it needs one. */
  opened(environment: TradingEnvironment, store: Store): CurrentEnvironment {
    const isAwaitingLiveAck = environment === 'live' && latestLiveAcknowledgement(store.ledger) === undefined;
    if (isAwaitingLiveAck)
      this.options.logger.warn(
        'live without an acknowledgement of the current liability text: trading halted',
      );
    return {
      environment,
      store,
      venue: null,
      sinceMs: this.nowMs(),
      noVenue: { light: 'amber', reason: isAwaitingLiveAck ? LIVE_ACK_NEEDED : 'Venue starting' },
      isAwaitingLiveAck,
    };
  }

  /** Starts the venue of an opened environment; a venue that fails leaves trading halted, with the reason. */
  async withVenue(active: CurrentEnvironment): Promise<CurrentEnvironment> {
    if (active.isAwaitingLiveAck) return active;
    try {
      return this.running(active, await this.options.startVenue(active.environment, active.store));
    } catch (err) {
      this.options.logger.error(
        { err, environment: active.environment },
        'venue did not start; trading halted',
      );
      return {
        ...active,
        venue: null,
        noVenue: { light: 'red', reason: `Venue did not start: ${describe(err)}` },
      };
    }
  }

  /** Live opened without an acknowledgement: record it, then start the live venue. */
  async completeLive(
    active: CurrentEnvironment,
    ack: LiveAcknowledgement | undefined,
    device: AuthenticatedDevice,
  ): Promise<SwitchResult> {
    if (ack === undefined) throw new Error('completeLive needs an acknowledgement');
    await recordLiveAcknowledgement(active.store.ledger, ack, device, {
      nowMs: this.nowMs(),
      fromEnvironment: 'live',
    });
    const acknowledged = { ...active, isAwaitingLiveAck: false };
    try {
      return {
        ok: true,
        active: this.running(acknowledged, await this.options.startVenue('live', active.store)),
      };
    } catch (err) {
      this.options.logger.error({ err }, 'live venue did not start after the acknowledgement');
      const reason = `Venue did not start: ${describe(err)}`;
      const halted = { ...acknowledged, venue: null, noVenue: { light: 'red' as const, reason } };
      return {
        ok: false,
        active: halted,
        error: failure(err, 'Live acknowledged, but the venue did not start'),
      };
    }
  }

  /** Replaces the current environment by `target`; on failure reopens the previous one. */
  async replace(
    previous: CurrentEnvironment,
    target: TradingEnvironment,
    ack: LiveAcknowledgement | undefined,
    device: AuthenticatedDevice,
  ): Promise<SwitchResult> {
    const { logger } = this.options;
    let store: Store | undefined;
    try {
      await this.teardown(previous);
      store = this.options.openStore(target);
      if (ack !== undefined)
        await recordLiveAcknowledgement(store.ledger, ack, device, {
          nowMs: this.nowMs(),
          fromEnvironment: previous.environment,
        });
      const venue = await this.options.startVenue(target, store);
      logger.info({ from: previous.environment, to: target }, 'trading environment switched');
      return {
        ok: true,
        active: this.running({ ...this.opened(target, store), isAwaitingLiveAck: false }, venue),
      };
    } catch (err) {
      logger.error(
        { err, from: previous.environment, to: target },
        'switch failed; reopening the previous environment',
      );
      await store
        ?.close()
        .catch((closeErr: unknown) => logger.error({ err: closeErr }, 'closing the target store failed'));
      const reopened = await this.withVenue(
        this.opened(previous.environment, this.options.openStore(previous.environment)),
      );
      const error = failure(err, `Switch to ${target} failed; back on ${previous.environment}`);
      return { ok: false, active: reopened, error };
    }
  }

  /** Venue first (it writes through the store's queue), then the store. */
  async teardown(active: CurrentEnvironment): Promise<void> {
    try {
      await active.venue?.stop();
    } catch (err) {
      this.options.logger.error({ err, environment: active.environment }, 'venue stop failed');
    }
    await active.store.close();
  }

  /** Remembers the switch for the next start; a failure to write it does not undo the switch. */
  persist(environment: TradingEnvironment): void {
    try {
      writePersistedEnvironment(this.options.dataDir, { environment, changedAtMs: this.nowMs() });
    } catch (err) {
      this.options.logger.error({ err, environment }, 'could not persist the environment choice');
    }
  }

  private running(active: CurrentEnvironment, venue: EnvironmentVenue | null): CurrentEnvironment {
    if (venue !== null) return { ...active, venue, noVenue: undefined };
    const reason = `No venue configured for ${active.environment}`;
    return { ...active, venue: null, noVenue: { light: 'amber', reason } };
  }
}

function describe(err: unknown): string {
  return isAgentError(err) ? err.message : 'see the agent log';
}

/** An AgentError keeps its code; anything else is INTERNAL with no internal text on the wire. */
function failure(err: unknown, prefix: string): AgentError {
  if (isAgentError(err))
    return new AgentError(err.code, `${prefix}: ${err.message}`, { retryable: err.retryable }, err.details, {
      cause: err,
    });
  return new AgentError('INTERNAL', `${prefix} (see the agent log)`, {}, undefined, { cause: err });
}
