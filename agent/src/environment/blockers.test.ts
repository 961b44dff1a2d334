import { ClientOrderId, MarketTicker, OrderId, countE2, signedCountE2 } from '@pt/protocol';
import type { CredentialsOverview, StoredCredentials } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { emptyLocalState } from '../connectors/kalshi/reconcile/local-state-fold.js';
import type { LocalOpenOrder } from '../connectors/kalshi/reconcile/types.js';
import type { CredentialsStore, LoadedCredentials } from '../keychain/types.js';
import { AgentError } from '../lib/errors.js';
import { exposureBlockers, exposureOf, keyStatuses, refusalMessage } from './blockers.js';

const ticker = MarketTicker.parse('KXTEST-A');

function order(n: number, overrides: Partial<LocalOpenOrder> = {}): LocalOpenOrder {
  return {
    orderId: OrderId.parse(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
    clientOrderId: ClientOrderId.parse(`coid-${n}`),
    ticker,
    filledCountE2: countE2(0),
    remainingCountE2: countE2(100),
    isExternal: false,
    consecutiveMisses: 0,
    ...overrides,
  };
}

describe('exposureOf', () => {
  it('counts resting orders (ours and external), lost creates and non-zero positions; not filled orders', () => {
    const state = {
      ...emptyLocalState(),
      openOrders: [
        order(1),
        order(2),
        order(3, { isExternal: true }),
        order(4, { remainingCountE2: countE2(0) }),
      ],
      unknownIntents: [
        { clientOrderId: ClientOrderId.parse('coid-9'), ticker, submittedAtMs: 1, checksWithoutMatch: 0 },
      ],
      positions: new Map([
        [ticker, signedCountE2(-300)],
        [MarketTicker.parse('KXTEST-B'), signedCountE2(0)],
      ]),
    };
    const exposure = exposureOf(state);
    expect(exposure).toEqual({ restingOrders: 2, externalOrders: 1, unknownOrders: 1, openPositions: 1 });
    expect(exposureBlockers(exposure)).toEqual(['ORDERS_RESTING', 'POSITIONS_OPEN']);
    expect(exposureBlockers(exposureOf(emptyLocalState()))).toEqual([]);
    const externalOnly = { ...emptyLocalState(), openOrders: [order(5, { isExternal: true })] };
    expect(exposureBlockers(exposureOf(externalOnly))).toEqual(['ORDERS_RESTING']);
    expect(
      refusalMessage(['ORDERS_RESTING'], {
        from: 'live',
        target: 'sim',
        exposure: exposureOf(externalOnly),
        keychainDetail: undefined,
      }),
    ).toBe('Cannot switch to sim: Flatten All first: 1 order placed outside the agent resting in live');
  });
});

describe('refusalMessage', () => {
  it('says what to do first, per blocker', () => {
    const exposure = { restingOrders: 2, externalOrders: 0, unknownOrders: 0, openPositions: 1 };
    const message = refusalMessage(['ORDERS_RESTING', 'POSITIONS_OPEN', 'KEYS_MISSING'], {
      from: 'sim',
      target: 'demo',
      exposure,
      keychainDetail: undefined,
    });
    expect(message).toBe(
      'Cannot switch to demo: Flatten All first: 2 orders resting, 1 position open in sim; import your demo ' +
        'Kalshi API key first (onboarding wizard, or npm run agent -- keys import --env demo --key-id ID --pem FILE)',
    );
  });
});

/** A CredentialsStore whose overview answers as given: the mapping is under test, not a keychain. */
class OverviewOnly implements CredentialsStore {
  constructor(private readonly answer: () => Promise<CredentialsOverview>) {}
  overview(): Promise<CredentialsOverview> {
    return this.answer();
  }
  put(): Promise<StoredCredentials> {
    return Promise.reject(new Error('unused'));
  }
  load(): Promise<LoadedCredentials | null> {
    return Promise.resolve(null);
  }
  delete(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

describe('keyStatuses', () => {
  const stored: StoredCredentials = {
    environment: 'demo',
    keyId: '00000000-0000-4000-8000-000000000001',
    fingerprint: `SHA256:${'A'.repeat(43)}`,
    keyBits: 2048,
    storedAtMs: 1,
  };

  it('reports missing keys per environment from one look-up', async () => {
    let calls = 0;
    const credentials = new OverviewOnly(() => {
      calls += 1;
      return Promise.resolve({ keychain: { available: true, detail: 'ok' }, credentials: [stored] });
    });
    expect(await keyStatuses(credentials)).toEqual({
      demo: { blocker: undefined, detail: undefined },
      live: { blocker: 'KEYS_MISSING', detail: undefined },
    });
    expect(calls).toBe(1);
  });

  it('reports an unavailable keychain, whether it says so or rejects', async () => {
    const says = new OverviewOnly(() =>
      Promise.resolve({ keychain: { available: false, detail: 'start gnome-keyring' }, credentials: [] }),
    );
    expect((await keyStatuses(says)).live).toEqual({
      blocker: 'KEYCHAIN_UNAVAILABLE',
      detail: 'start gnome-keyring',
    });
    const rejects = new OverviewOnly(() =>
      Promise.reject(new AgentError('KEYCHAIN_UNAVAILABLE', 'no Secret Service')),
    );
    expect((await keyStatuses(rejects)).demo).toEqual({
      blocker: 'KEYCHAIN_UNAVAILABLE',
      detail: 'no Secret Service',
    });
    const broken = new OverviewOnly(() => Promise.reject(new Error('bug')));
    await expect(keyStatuses(broken)).rejects.toThrow('bug');
  });
});
