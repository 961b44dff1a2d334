/**
 * The demo/live gate: owns the CURRENT environment's store and venue and switches between
 * environments one at a time. Each environment has its own database file; a switch is refused
 * while orders of ours rest or positions are open, and live needs its keys plus the trader's
 * acknowledgement, recorded in the live ledger before live trading starts.
 */
import {
  LIABILITY_TEXT,
  LIABILITY_TEXT_VERSION,
  LIVE_ACK_PHRASE,
  type EnvironmentOverview,
  type KeyedEnvironment,
  type SwitchBlocker,
  type SwitchEnvironmentRequest,
  type TradingEnvironment,
  type TradingState,
} from '@pt/protocol';
import type { AuthenticatedDevice } from '../auth/types.js';
import { LedgerLocalState } from '../connectors/kalshi/reconcile/ledger-local-state.js';
import type { LocalState } from '../connectors/kalshi/reconcile/types.js';
import { AgentError } from '../lib/errors.js';
import {
  exposureBlockers,
  exposureOf,
  keyStatuses,
  refusalMessage,
  type Exposure,
  type KeyStatus,
} from './blockers.js';
import { checkLiveAcknowledgement } from './live-ack.js';
import { readPersistedEnvironment, resolveStartEnvironment } from './persisted-choice.js';
import { EnvironmentSwitcher, type SwitchResult } from './switcher.js';
import type { CurrentEnvironment, EnvironmentRuntimeOptions, SwitchListener } from './types.js';

const NO_EXPOSURE: Exposure = { restingOrders: 0, externalOrders: 0, unknownOrders: 0, openPositions: 0 };

interface Facts {
  exposure: Exposure;
  keys: Record<KeyedEnvironment, KeyStatus> | undefined;
}
const NO_FACTS: Facts = { exposure: NO_EXPOSURE, keys: undefined };

export class EnvironmentRuntime {
  private active: CurrentEnvironment | undefined;
  /** What runs exclusively now: the first venue start or a switch (to this environment). */
  private busy: { kind: 'starting' } | { kind: 'switching'; to: TradingEnvironment } | undefined;
  private work: Promise<unknown> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private readonly listeners = new Set<SwitchListener>();
  private readonly switcher: EnvironmentSwitcher;
  private readonly nowMs: () => number;

  constructor(private readonly options: EnvironmentRuntimeOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.switcher = new EnvironmentSwitcher(options, this.nowMs);
  }

  /**
   * Picks the start environment (flag / PT_ENV > persisted switch > config.json > sim) and opens
   * its store, synchronously (throws MigrationError). Trading stays halted until `startVenue`.
   */
  open(): CurrentEnvironment {
    if (this.active !== undefined) throw new Error('EnvironmentRuntime is already open');
    const { dataDir, config, logger } = this.options;
    const start = resolveStartEnvironment(config, readPersistedEnvironment(dataDir, logger));
    logger.info({ environment: start.environment, source: start.source }, 'trading environment chosen');
    this.active = this.switcher.opened(start.environment, this.options.openStore(start.environment));
    return this.active;
  }

  /** Starts the current environment's venue. Never rejects: without a venue, trading stays halted and health says why. */
  async startVenue(): Promise<void> {
    const active = this.requireActive();
    if (active.isAwaitingLiveAck || this.stopping !== undefined || this.busy !== undefined) return;
    await this.exclusive({ kind: 'starting' }, async () => {
      this.active = await this.switcher.withVenue(active);
    });
  }

  /** `open()` then `startVenue()`. */
  async start(): Promise<void> {
    this.open();
    await this.startVenue();
  }

  current(): CurrentEnvironment {
    return this.requireActive();
  }

  /** The environment being switched to, while a switch runs. */
  switchingTo(): TradingEnvironment | undefined {
    return this.busy?.kind === 'switching' ? this.busy.to : undefined;
  }

  /** The venue's trading state, or halted with the reason when no venue runs or a switch is under way. */
  tradingState(): TradingState {
    const active = this.requireActive();
    const to = this.switchingTo();
    if (to !== undefined)
      return { mode: 'halted', reason: `Switching to ${to}`, changedBy: 'system', sinceMs: active.sinceMs };
    if (active.venue !== null) return active.venue.connector.tradingState();
    const reason = active.noVenue?.reason ?? 'No venue connected';
    return { mode: 'halted', reason, changedBy: 'system', sinceMs: active.sinceMs };
  }

  onSwitched(listener: SwitchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async overview(): Promise<EnvironmentOverview> {
    const active = this.requireActive();
    const isSwitching = this.busy?.kind === 'switching';
    // Mid-switch the store may be closed; SWITCH_IN_PROGRESS already says "not now".
    const facts = await this.facts({ needsKeys: true, needsBelief: !isSwitching });
    const blockersOf = (target: TradingEnvironment): SwitchBlocker[] =>
      this.blockersFor(target, facts, { hasAck: false, isSwitching });
    return {
      environment: active.environment,
      sinceMs: active.sinceMs,
      liveAck: {
        phrase: LIVE_ACK_PHRASE,
        liabilityText: LIABILITY_TEXT,
        liabilityTextVersion: LIABILITY_TEXT_VERSION,
      },
      blockers: { sim: blockersOf('sim'), demo: blockersOf('demo'), live: blockersOf('live') },
    };
  }

  /**
   * Switches, or refuses with CONFLICT (`details.blockers`) saying what to do first; a bad
   * acknowledgement is VALIDATION_FAILED naming the field. The same environment is a no-op, except
   * live awaiting its acknowledgement, which this completes. On a failure mid-way the previous
   * environment is reopened and the error reported.
   */
  async switchTo(
    request: SwitchEnvironmentRequest,
    device: AuthenticatedDevice,
  ): Promise<EnvironmentOverview> {
    // The first venue start is short (the connector reconciles in the background): wait for it.
    if (this.busy?.kind === 'starting') await this.work;
    const active = this.requireActive();
    const target = request.environment;
    if (this.stopping !== undefined)
      throw new AgentError('CONFLICT', 'The agent is stopping', {}, { blockers: [] });
    if (this.busy !== undefined) throw this.refusal(['SWITCH_IN_PROGRESS'], target, NO_FACTS);
    const isCompletingLive = target === 'live' && active.isAwaitingLiveAck;
    if (target === active.environment && !isCompletingLive) return this.overview();
    const ack = target === 'live' ? request.acknowledgement : undefined;
    if (ack !== undefined) checkLiveAcknowledgement(ack);
    await this.exclusive({ kind: 'switching', to: target }, async () => {
      // This switch holds the lock: the previous store is still open, the belief still current.
      const facts = await this.facts({ needsKeys: target !== 'sim', needsBelief: true });
      const hasAck = ack !== undefined;
      const blockers = this.blockersFor(target, facts, { hasAck, isSwitching: false });
      if (blockers.length > 0) throw this.refusal(blockers, target, facts);
      const from = active.environment;
      const result: SwitchResult = isCompletingLive
        ? await this.switcher.completeLive(active, ack, device)
        : await this.switcher.replace(active, target, ack, device);
      this.active = result.active;
      if (!result.ok) throw result.error;
      this.switcher.persist(target);
      this.notify(from, target);
    });
    return this.overview();
  }

  /** Waits for a running start or switch, then stops the venue and closes the store. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.work;
      const active = this.active;
      if (active !== undefined) await this.switcher.teardown(active);
    })();
    return this.stopping;
  }

  /** What the blockers are computed from: one keychain look-up, one read of local belief. */
  private async facts(needs: { needsKeys: boolean; needsBelief: boolean }): Promise<Facts> {
    const active = this.requireActive();
    const exposure = needs.needsBelief ? exposureOf(await this.localBelief(active)) : NO_EXPOSURE;
    return { exposure, keys: needs.needsKeys ? await keyStatuses(this.options.credentials) : undefined };
  }

  private blockersFor(
    target: TradingEnvironment,
    facts: Facts,
    { hasAck, isSwitching }: { hasAck: boolean; isSwitching: boolean },
  ): SwitchBlocker[] {
    const active = this.requireActive();
    const blockers: SwitchBlocker[] = isSwitching ? ['SWITCH_IN_PROGRESS'] : [];
    const isCompletingLive = target === 'live' && active.isAwaitingLiveAck;
    if (target === active.environment && !isCompletingLive) return blockers;
    if (target !== active.environment) blockers.push(...exposureBlockers(facts.exposure));
    const key = target === 'sim' ? undefined : facts.keys?.[target].blocker;
    if (key !== undefined) blockers.push(key);
    if (target === 'live' && !hasAck) blockers.push('ACK_REQUIRED');
    return blockers;
  }

  /** The venue's belief when one runs, else the same belief rebuilt from the environment's ledger. */
  private async localBelief(active: CurrentEnvironment): Promise<LocalState> {
    if (active.venue !== null) return active.venue.connector.local.read();
    return (await LedgerLocalState.open(active.store.ledger)).read();
  }

  private refusal(blockers: SwitchBlocker[], target: TradingEnvironment, facts: Facts): AgentError {
    const from = this.requireActive().environment;
    const keychainDetail = target === 'sim' ? undefined : facts.keys?.[target].detail;
    const message = refusalMessage(blockers, { from, target, exposure: facts.exposure, keychainDetail });
    return new AgentError('CONFLICT', message, {}, { blockers, ...facts.exposure });
  }

  private exclusive(busy: NonNullable<EnvironmentRuntime['busy']>, work: () => Promise<void>): Promise<void> {
    if (this.busy !== undefined) throw new Error('EnvironmentRuntime: exclusive work overlapped');
    this.busy = busy;
    const run = work().finally(() => (this.busy = undefined));
    this.work = run.catch(() => undefined);
    return run;
  }

  private notify(from: TradingEnvironment, to: TradingEnvironment): void {
    for (const listener of this.listeners) {
      try {
        listener({ from, to });
      } catch (err) {
        this.options.logger.error({ err, from, to }, 'environment switch listener threw');
      }
    }
  }

  private requireActive(): CurrentEnvironment {
    if (this.active === undefined) throw new Error('EnvironmentRuntime.open() has not run');
    return this.active;
  }
}
