/**
 * The health detail's models component over the real ModelRegistry loading the committed models
 * (models/manifest.json): fresh → green, gates open; past the max age → amber, stale, gate closed
 * with the reason; a model that is not in the manifest → refused, red, the agent degraded; not
 * loaded yet → amber. Every answer parses as the wire HealthDetail.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntry, readManifest } from '@pt/models/manifest';
import { SENTIMENT_MODEL_NAME } from '@pt/models/sentiment';
import { SIGNAL_MODEL_NAME } from '@pt/models/signal';
import { HealthDetail } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_MODELS, ModelRegistry } from '../ml/index.js';
import { openStore, type Store } from '../store/index.js';
import { HealthReporter } from './health-detail.js';
import { MODELS_NOT_LOADED } from './models-health.js';

const DAY_MS = 86_400_000;
const MAX_AGE_MS = 30 * DAY_MS;
const registries: ModelRegistry[] = [];
const stores: Store[] = [];
afterAll(async () => {
  for (const r of registries) await r.close();
  for (const s of stores) await s.close();
});

const trainedAtMs = (name: string): number => Date.parse(findEntry(readManifest(), name).trainedAt);

async function registry(nowMs: () => number, names = AGENT_MODELS): Promise<ModelRegistry> {
  const loaded = await ModelRegistry.load({ models: names, maxAgeMs: MAX_AGE_MS, now: nowMs });
  registries.push(loaded);
  return loaded;
}

function reporter(models: () => ReturnType<ModelRegistry['health']> | undefined, nowMs: () => number) {
  const store = openStore({
    dataDir: mkdtempSync(join(tmpdir(), 'pt-models-health-')),
    environment: 'sim',
    logger: pino({ level: 'silent' }),
  });
  stores.push(store);
  return new HealthReporter(
    {
      current: () => ({
        environment: 'sim',
        venue: null,
        sinceMs: 1,
        noVenue: undefined,
        isAwaitingLiveAck: false,
        store,
      }),
      tradingState: () => ({ mode: 'active', reason: 'test', changedBy: 'system', sinceMs: 1 }),
      switchingTo: () => undefined,
      models,
    },
    nowMs,
  );
}

describe('HealthReporter models component (real ModelRegistry, committed models)', () => {
  it('shows each model fresh with its version and age (floored to the hour), gates open, light green', async () => {
    let now = trainedAtMs(SIGNAL_MODEL_NAME) + 2 * DAY_MS + 59 * 60_000;
    const models = await registry(() => now);
    const health = reporter(
      () => models.health(),
      () => now,
    );
    const component = HealthDetail.parse(health.healthDetail('ok')).components.models;
    expect(component?.light).toBe('green');
    // Within the hour the component is unchanged, so the status publisher does not push it again.
    now += 30_000;
    expect(health.healthDetail('ok').components.models).toEqual(component);
    const signal = component?.models.find((m) => m.name === SIGNAL_MODEL_NAME);
    expect(signal).toEqual({
      name: SIGNAL_MODEL_NAME,
      version: findEntry(readManifest(), SIGNAL_MODEL_NAME).version,
      state: 'ready',
      gate: 'open',
      isStale: false,
      trainedAtMs: trainedAtMs(SIGNAL_MODEL_NAME),
      ageMs: 2 * DAY_MS,
      reason: null,
    });
    expect(component?.models.map((m) => m.name)).toEqual([SENTIMENT_MODEL_NAME, SIGNAL_MODEL_NAME]);
  });

  it('flags a model older than the max age stale with its gate closed, amber, not degraded', async () => {
    let now = trainedAtMs(SIGNAL_MODEL_NAME) + DAY_MS;
    const models = await registry(() => now);
    const health = reporter(
      () => models.health(),
      () => now,
    );
    expect(health.healthDetail('ok').components.models?.light).toBe('green');
    now = Math.max(trainedAtMs(SIGNAL_MODEL_NAME), trainedAtMs(SENTIMENT_MODEL_NAME)) + MAX_AGE_MS + DAY_MS;
    const detail = HealthDetail.parse(health.healthDetail('ok'));
    expect(detail.status).toBe('ok');
    expect(detail.components.models?.light).toBe('amber');
    expect(detail.components.models?.sinceMs).toBe(now);
    for (const model of detail.components.models?.models ?? []) {
      expect(model).toMatchObject({ state: 'stale', gate: 'closed', isStale: true });
      expect(model.ageMs).toBeGreaterThan(MAX_AGE_MS);
      expect(model.reason).toContain('is stale');
    }
  });

  it('shows a refused model red with its reason, and the agent degraded', async () => {
    const now = trainedAtMs(SIGNAL_MODEL_NAME) + DAY_MS;
    const models = await registry(() => now, [{ name: 'no-such-model' }]);
    const detail = HealthDetail.parse(
      reporter(
        () => models.health(),
        () => now,
      ).healthDetail('ok'),
    );
    expect(detail.status).toBe('degraded');
    expect(detail.components.models?.light).toBe('red');
    expect(detail.components.models?.models).toEqual([
      {
        name: 'no-such-model',
        version: null,
        state: 'refused',
        gate: 'closed',
        isStale: false,
        trainedAtMs: null,
        ageMs: null,
        reason: expect.stringContaining('no model named no-such-model') as string,
      },
    ]);
  });

  it('says the models are not loaded while the registry loads', () => {
    const detail = HealthDetail.parse(
      reporter(
        () => undefined,
        () => 7,
      ).healthDetail('ok'),
    );
    expect(detail.components.models).toEqual({
      light: 'amber',
      detail: MODELS_NOT_LOADED,
      sinceMs: 7,
      models: [],
    });
  });
});
