/**
 * The running agent's `GET /v1/status` carries the models component: the committed models
 * (models/manifest.json) verified and loaded by the agent's own model feed, each with its version,
 * age and gate, as the wire StatusResponse.
 */
import { findEntry, readManifest } from '@pt/models/manifest';
import { SENTIMENT_MODEL_NAME } from '@pt/models/sentiment';
import { SIGNAL_MODEL_NAME } from '@pt/models/signal';
import { StatusResponse } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_MAX_AGE_MS } from '../../src/ml/index.js';
import { killIfRunning, stopAgent } from '../process/spawn-agent.js';
import { startPairedAgent, type PairedAgent } from '../security/paired-agent.js';

let paired: PairedAgent | undefined;

beforeAll(async () => {
  paired = await startPairedAgent();
}, 60_000);

afterAll(async () => {
  if (paired !== undefined) expect((await stopAgent(paired.agent)).code).toBe(0);
  killIfRunning(paired?.agent);
});

async function status(): Promise<StatusResponse> {
  if (paired === undefined) throw new Error('agent not started');
  const res = await paired.call('GET', '/v1/status');
  expect(res.status).toBe(200);
  return StatusResponse.parse(await res.json());
}

describe('models in the running agent’s health', () => {
  it('lists the committed models with version, age, stale and gate once loaded', async () => {
    const deadline = Date.now() + 20_000;
    let models = (await status()).health.components.models;
    while ((models?.models.length ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      models = (await status()).health.components.models;
    }
    const manifest = readManifest();
    const checkedAtMs = Date.now();
    // The committed models go stale 30 days after training (then: amber, gates closed, retrain).
    const expected = (name: string) => {
      const isStale =
        checkedAtMs - Date.parse(findEntry(manifest, name).trainedAt) > DEFAULT_MODEL_MAX_AGE_MS;
      return [
        name,
        findEntry(manifest, name).version,
        isStale ? 'stale' : 'ready',
        isStale ? 'closed' : 'open',
        isStale,
      ];
    };
    const names = [SENTIMENT_MODEL_NAME, SIGNAL_MODEL_NAME];
    expect(models?.light).toBe(names.some((name) => expected(name)[4] === true) ? 'amber' : 'green');
    expect(models?.models.map((m) => [m.name, m.version, m.state, m.gate, m.isStale])).toEqual(
      names.map(expected),
    );
    for (const model of models?.models ?? []) {
      const trainedAtMs = Date.parse(findEntry(manifest, model.name).trainedAt);
      expect(model.trainedAtMs).toBe(trainedAtMs);
      expect(model.ageMs).toBeGreaterThanOrEqual(0);
      expect(model.ageMs).toBeLessThanOrEqual(checkedAtMs - trainedAtMs);
    }
  });
});
