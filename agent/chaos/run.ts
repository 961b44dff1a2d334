/**
 * `npm run chaos [-- <scenario-name…>]`: the chaos suite. Starts ONE real simulator, ONE real vibe
 * and the REAL agent, runs the scenarios in order (all, or the named ones), checks the invariants
 * after each, prints a PASS/FAIL line per scenario and a summary table, writes
 * `test-artifacts/chaos/report.{json,md}`, and exits 1 when any scenario FAILs (2 on a bad name).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChaosContext } from './context.js';
import { checkInvariants } from './invariants/check-all.js';
import { consoleTable, verdictLine, writeReports } from './report.js';
import { selectScenarios } from './scenarios/index.js';
import type { Scenario, ScenarioResult } from './types.js';

const REPORT_DIR = resolve(fileURLToPath(new URL('../../test-artifacts/chaos', import.meta.url)));
const SEED = 83;

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function runOne(ctx: ChaosContext, scenario: Scenario): Promise<ScenarioResult> {
  const startedMs = Date.now();
  let observed: string;
  let isScenarioPass = true;
  try {
    observed = await scenario.run(ctx);
  } catch (err) {
    observed = `FAILED: ${describeError(err)}`;
    isScenarioPass = false;
  }
  let invariants;
  try {
    invariants = await checkInvariants(ctx, startedMs);
  } catch (err) {
    invariants = [
      { name: 'invariant check', violations: [`could not run: ${describeError(err)}`], summary: '' },
    ];
  }
  const isPass = isScenarioPass && invariants.every((i) => i.violations.length === 0);
  return {
    name: scenario.name,
    expected: scenario.expected,
    observed,
    invariants,
    isPass,
    seconds: (Date.now() - startedMs) / 1000,
  };
}

async function main(): Promise<number> {
  let scenarios: Scenario[];
  try {
    scenarios = selectScenarios(process.argv.slice(2));
  } catch (err) {
    console.error(describeError(err));
    return 2;
  }
  const startedAt = new Date().toISOString();
  const suiteStartMs = Date.now();
  console.log(`chaos: ${scenarios.length} scenario(s) against the real agent, simulator and vibe`);
  const ctx = await ChaosContext.start(SEED);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      const result = await runOne(ctx, scenario);
      results.push(result);
      console.log(verdictLine(result));
      for (const invariant of result.invariants)
        for (const violation of invariant.violations) console.log(`  ${invariant.name}: ${violation}`);
      if (!result.isPass) console.log(`  observed: ${result.observed}`);
    }
  } finally {
    await ctx.close();
  }
  const meta = { startedAt, totalSeconds: (Date.now() - suiteStartMs) / 1000 };
  console.log(`\n${consoleTable(results)}\n`);
  const files = writeReports(REPORT_DIR, results, meta);
  const failed = results.filter((r) => !r.isPass).length;
  console.log(
    `${results.length - failed}/${results.length} PASS in ${meta.totalSeconds.toFixed(1)} s; ${files.md}`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
