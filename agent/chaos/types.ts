/**
 * The chaos suite's shapes: a scenario (name, the outcome it expects, a run that returns what it
 * observed), an invariant's verdict, and one row of the final report.
 */
import type { ChaosContext } from './context.js';

export interface Scenario {
  /** kebab-case; `npm run chaos -- <name…>` selects by it. */
  name: string;
  /** What the product must do under this fault, in one sentence. */
  expected: string;
  /**
   * Injects the fault, drives the agent and returns what happened in words. Throws a
   * ScenarioFailure (or any error) when the expected outcome did not happen.
   */
  run(ctx: ChaosContext): Promise<string>;
}

export interface InvariantVerdict {
  name: string;
  /** Empty when the invariant holds. */
  violations: string[];
  /** What was compared (counts), for the report. */
  summary: string;
}

export interface ScenarioResult {
  name: string;
  expected: string;
  observed: string;
  invariants: InvariantVerdict[];
  isPass: boolean;
  seconds: number;
}

/** The scenario ran but the product did not do what `expected` says. */
export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

/** Throws a ScenarioFailure with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}
