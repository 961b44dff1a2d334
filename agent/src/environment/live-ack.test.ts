import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIABILITY_TEXT_VERSION, LIVE_ACK_PHRASE } from '@pt/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthenticatedDevice } from '../auth/types.js';
import { AgentError } from '../lib/errors.js';
import { openStore, type Store } from '../store/index.js';
import {
  checkLiveAcknowledgement,
  latestLiveAcknowledgement,
  LIVE_ACK_KIND,
  LIVE_ACK_SOURCE,
  recordLiveAcknowledgement,
} from './live-ack.js';

const logger = pino({ level: 'silent' });
const device: AuthenticatedDevice = { deviceId: 'dev_abcdefgh', name: 'Desk', origin: 'http://127.0.0.1:1' };
const ack = {
  phrase: LIVE_ACK_PHRASE,
  liabilityTextVersion: LIABILITY_TEXT_VERSION,
  acceptedLiability: true as const,
};
const stores: Store[] = [];

function liveStore(): Store {
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'pt-ack-')), environment: 'live', logger });
  stores.push(store);
  return store;
}

function fieldOf(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof AgentError && err.code === 'VALIDATION_FAILED') return err.details?.['field'];
    throw err;
  }
  return undefined;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

describe('checkLiveAcknowledgement', () => {
  it('accepts the exact phrase, surrounding spaces trimmed', () => {
    expect(
      fieldOf(() => checkLiveAcknowledgement({ ...ack, phrase: `\t${LIVE_ACK_PHRASE}  ` })),
    ).toBeUndefined();
  });

  it('names the field of a wrong phrase (case-sensitive) or version', () => {
    expect(fieldOf(() => checkLiveAcknowledgement({ ...ack, phrase: LIVE_ACK_PHRASE.toUpperCase() }))).toBe(
      'acknowledgement.phrase',
    );
    expect(fieldOf(() => checkLiveAcknowledgement({ ...ack, phrase: '' }))).toBe('acknowledgement.phrase');
    expect(
      fieldOf(() => checkLiveAcknowledgement({ ...ack, liabilityTextVersion: LIABILITY_TEXT_VERSION + 1 })),
    ).toBe('acknowledgement.liabilityTextVersion');
  });
});

describe('the acknowledgement in the ledger', () => {
  it('is recorded once per content and found as the latest of the current text', async () => {
    const store = liveStore();
    expect(latestLiveAcknowledgement(store.ledger)).toBeUndefined();
    const first = await recordLiveAcknowledgement(store.ledger, ack, device, {
      nowMs: 1_000,
      fromEnvironment: 'sim',
    });
    await recordLiveAcknowledgement(store.ledger, ack, device, { nowMs: 1_000, fromEnvironment: 'sim' });
    expect(store.ledger.readByKind(LIVE_ACK_KIND)).toHaveLength(1);
    expect(first).toEqual({
      acknowledgedAtMs: 1_000,
      deviceId: device.deviceId,
      deviceName: device.name,
      phrase: LIVE_ACK_PHRASE,
      liabilityTextVersion: LIABILITY_TEXT_VERSION,
      fromEnvironment: 'sim',
    });
    await recordLiveAcknowledgement(store.ledger, ack, device, { nowMs: 2_000, fromEnvironment: 'demo' });
    expect(latestLiveAcknowledgement(store.ledger)?.acknowledgedAtMs).toBe(2_000);
  });

  it('does not count an acknowledgement of another text version, another source or a malformed row', async () => {
    const store = liveStore();
    const payload = {
      ...ack,
      acknowledgedAtMs: 1,
      deviceId: 'dev_x',
      deviceName: 'x',
      fromEnvironment: 'sim',
    };
    await store.ledger.append([
      {
        source: LIVE_ACK_SOURCE,
        sourceEventId: 'old',
        kind: LIVE_ACK_KIND,
        payload: {
          acknowledgedAtMs: 1,
          deviceId: 'dev_x',
          deviceName: 'x',
          phrase: LIVE_ACK_PHRASE,
          liabilityTextVersion: LIABILITY_TEXT_VERSION + 1,
          fromEnvironment: 'sim',
        },
      },
      { source: 'someone.else', sourceEventId: 'foreign', kind: LIVE_ACK_KIND, payload },
      {
        source: LIVE_ACK_SOURCE,
        sourceEventId: 'bad',
        kind: LIVE_ACK_KIND,
        payload: { phrase: LIVE_ACK_PHRASE },
      },
    ]);
    expect(latestLiveAcknowledgement(store.ledger)).toBeUndefined();
  });
});
