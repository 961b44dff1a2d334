/**
 * The health detail's `models` component: the model registry's light and one entry per model
 * with what the trader needs to act on — version, age, stale or not, and whether the strategies'
 * model gate is open. While the registry is still loading (or its load failed, which the agent
 * logs) the light is amber and says so.
 */
import type { ComponentHealth, HealthDetail, ModelHealth } from '@pt/protocol';
import type { ModelStatus, ModelsHealth } from '../ml/index.js';

/**
 * Ages go out floored to the hour: the status publisher pushes `health.changed` whenever the
 * detail differs (it polls every second), so a millisecond age would push every poll.
 */
export const MODEL_AGE_STEP_MS = 3_600_000;

export type ModelsComponent = NonNullable<HealthDetail['components']['models']>;

export const MODELS_NOT_LOADED =
  'Models not loaded yet (a failed load is in the agent log); model gates closed';

/** `stamp` dates the light when the registry has none to give (not loaded). */
export function modelsComponent(
  health: ModelsHealth | undefined,
  nowMs: number,
  stamp: (light: { light: 'amber'; detail: string }) => ComponentHealth,
): ModelsComponent {
  if (health === undefined) return { ...stamp({ light: 'amber', detail: MODELS_NOT_LOADED }), models: [] };
  return {
    light: health.light,
    detail: health.detail,
    sinceMs: health.sinceMs,
    models: health.models.map((status) => modelHealth(status, nowMs)),
  };
}

export function modelHealth(status: ModelStatus, nowMs: number): ModelHealth {
  const parsed = status.trainedAt === null ? Number.NaN : Date.parse(status.trainedAt);
  const trainedAtMs = Number.isFinite(parsed) ? parsed : null;
  return {
    name: status.name,
    version: status.version,
    state: status.state,
    gate: status.state === 'ready' ? 'open' : 'closed',
    isStale: status.state === 'stale',
    trainedAtMs,
    ageMs: trainedAtMs === null ? null : floorToStep(Math.max(0, nowMs - trainedAtMs)),
    reason: status.reason,
  };
}

function floorToStep(ms: number): number {
  return ms - (ms % MODEL_AGE_STEP_MS);
}
