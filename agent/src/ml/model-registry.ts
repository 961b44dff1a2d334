/**
 * The agent's models, loaded once at start: each named model is verified and opened, or recorded
 * as refused with the reason (a refused model never runs; the agent keeps going without it).
 * `health()` is one ComponentHealth (green: all ready; amber: a model is stale, its gate closed;
 * red: a model was refused) plus one status line per model for the UI.
 */
import type { ComponentHealth, HealthLight } from '@pt/protocol';
import { ModelRejectedError } from './errors.js';
import { loadModel, type LoadModelOptions } from './load-model.js';
import type { LoadedModel } from './loaded-model.js';

export interface ModelRequest {
  readonly name: string;
  readonly expectedFeatures?: unknown;
}

export interface ModelStatus {
  readonly name: string;
  readonly version: string | null;
  readonly state: 'ready' | 'stale' | 'refused';
  /** Why the model is stale or refused; null when ready. */
  readonly reason: string | null;
  readonly trainedAt: string | null;
}

export type ModelsHealth = ComponentHealth & { readonly models: readonly ModelStatus[] };

export interface RegistryOptions extends Omit<LoadModelOptions, 'name' | 'expectedFeatures'> {
  readonly models: readonly ModelRequest[];
}

export class ModelRegistry {
  private lastLight: HealthLight | null = null;
  private sinceMs = 0;

  private constructor(
    private readonly loaded: ReadonlyMap<string, LoadedModel>,
    private readonly refused: ReadonlyMap<string, string>,
    private readonly now: () => number,
  ) {}

  /** Loads every requested model; refusals are recorded, not thrown (other errors still throw). */
  static async load(options: RegistryOptions): Promise<ModelRegistry> {
    const loaded = new Map<string, LoadedModel>();
    const refused = new Map<string, string>();
    for (const request of options.models) {
      try {
        loaded.set(request.name, await loadModel({ ...options, ...request }));
      } catch (err) {
        if (!(err instanceof ModelRejectedError)) throw err;
        refused.set(request.name, err.message);
      }
    }
    return new ModelRegistry(loaded, refused, options.now ?? Date.now);
  }

  /** The verified model, or null when it was refused. */
  get(name: string): LoadedModel | null {
    return this.loaded.get(name) ?? null;
  }

  statuses(): ModelStatus[] {
    const ready = [...this.loaded.values()].map((m): ModelStatus => {
      const gate = m.gate();
      return {
        name: m.entry.name,
        version: m.entry.version,
        state: gate.open ? 'ready' : 'stale',
        reason: gate.reason,
        trainedAt: m.entry.trainedAt,
      };
    });
    const refused = [...this.refused].map(([name, reason]): ModelStatus => ({
      name,
      version: null,
      state: 'refused',
      reason,
      trainedAt: null,
    }));
    return [...ready, ...refused].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  health(): ModelsHealth {
    const models = this.statuses();
    const light: HealthLight = models.some((m) => m.state === 'refused')
      ? 'red'
      : models.some((m) => m.state === 'stale')
        ? 'amber'
        : 'green';
    if (light !== this.lastLight) {
      this.lastLight = light;
      this.sinceMs = this.now();
    }
    const notReady = models.filter((m) => m.state !== 'ready');
    const detail =
      models.length === 0
        ? 'no models configured'
        : notReady.length === 0
          ? `${models.length} model(s) ready: ${models.map((m) => `${m.name}@${m.version}`).join(', ')}`
          : notReady.map((m) => m.reason ?? `${m.name} ${m.state}`).join('; ');
    return { light, detail, sinceMs: this.sinceMs, models };
  }

  async close(): Promise<void> {
    for (const m of this.loaded.values()) await m.close();
  }
}
