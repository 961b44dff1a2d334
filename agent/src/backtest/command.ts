/**
 * `npm run backtest`'s work, without the process around it: load the data set and the config,
 * run, build the report, write `<id>.json` and `<id>.html` into the out dir, and return the text
 * summary. The wall clock (createdAtMs only) and stderr come in from the caller.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RISK_SETTINGS, type BacktestReport } from '@pt/protocol';
import { MarketSignals } from '../ml/market-signals.js';
import { SignalModel } from '../ml/signal-model.js';
import { strategyById } from '../strategies/registry.js';
import { HYPE_FADE_ID } from '../strategies/hype-fade/strategy.js';
import { BacktestUsageError, type BacktestArgs } from './args.js';
import { loadDataSet } from './data-sets.js';
import { predictAlong, type ModelOutputs } from './model-outputs.js';
import { contracts, dollars, isoTime, percentBps } from './format.js';
import { renderReportHtml } from './html.js';
import { progressBar, type ProgressSink } from './progress.js';
import { buildReport } from './report.js';
import { runBacktest, selectMarkets } from './run-backtest.js';

export interface CommandIo {
  readonly nowMs: () => number;
  readonly stderr: ProgressSink;
}

export interface CommandOutput {
  readonly report: BacktestReport;
  readonly jsonPath: string;
  readonly htmlPath: string;
  readonly notes: readonly string[];
  /** Lines for stdout: the summary, the notes, the two paths. */
  readonly lines: readonly string[];
}

export const NO_SENTIMENT_NOTE =
  'Recorded data has no sentiment feed, so Hype-Fade received no sentiment reading: every entry signal was refused as sentiment_stale and no fade was traded. Its P&L here says nothing about the strategy.';

/** Reads `--config` and parses it with the strategy's schema; errors name the file and the field. */
export function loadStrategyConfig(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: unknown }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  file: string | null,
): unknown {
  let raw: unknown = {};
  if (file !== null) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new BacktestUsageError(
        '--config',
        `${file}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field =
      issue === undefined || issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
    throw new BacktestUsageError(
      '--config',
      `${file ?? 'defaults'}: ${field}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Runs the signal model along the data (`--model`), or nothing. */
async function modelOutputs(args: BacktestArgs, data: Parameters<typeof predictAlong>[0], io: CommandIo) {
  if (!args.isModelUsed) return undefined;
  const model = await SignalModel.load();
  try {
    return await predictAlong(data, new MarketSignals(model), progressBar(io.stderr, 'signal model'));
  } finally {
    await model.model.close();
  }
}

function modelNote(model: ModelOutputs): string {
  return `Model gate input: ${model.id} (${model.runs} runs, at most one per market per 250 ms of data time). It was trained on these recorded data sets (a time split), so over its training span the gate is in-sample.`;
}

export async function runBacktestCommand(args: BacktestArgs, io: CommandIo): Promise<CommandOutput> {
  const definition = strategyById(args.strategyId);
  if (definition === undefined)
    throw new BacktestUsageError('--strategy', `unknown strategy "${args.strategyId}"`);
  const config = loadStrategyConfig(definition.configSchema, args.configFile);
  const loaded = loadDataSet(args.dataSet, args.dataDir);
  try {
    selectMarkets(definition, config, loaded.data);
  } catch (err) {
    throw new BacktestUsageError('--config', err instanceof Error ? err.message : String(err));
  }
  const model = await modelOutputs(args, loaded.data, io);
  const result = runBacktest({
    model,
    definition,
    config,
    data: loaded.data,
    seed: args.seed,
    startingCashE6: args.startingCashE6,
    riskSettings: DEFAULT_RISK_SETTINGS,
    clockIntervalMs: args.clockIntervalMs,
    onProgress: progressBar(io.stderr, `backtest ${definition.id} ${args.dataSet}`),
  });
  const report = buildReport(result, {
    strategyId: definition.id,
    dataSet: args.dataSet,
    seed: args.seed,
    createdAtMs: io.nowMs(),
    startingCashE6: args.startingCashE6,
    config,
  });
  const notes: string[] = [];
  if (definition.id === HYPE_FADE_ID) notes.push(NO_SENTIMENT_NOTE);
  if (model !== undefined) notes.push(modelNote(model));
  notes.push(
    'Fills: each order goes immediate-or-cancel into the simulator matching engine (fees included) against the seeded maker ladder rebuilt around the latest recorded quote at or before it; recorded quotes carry no sizes, and our orders neither wait in a queue nor move later recorded prices.',
  );
  if (args.dataSet === 'kalshi-trades' || args.dataSet === 'all') {
    notes.push(
      'kalshi-trades has prints but no quotes: its book is the simulator’s, 1¢ either side of the last print.',
    );
  }
  notes.push(
    'A market closes at its last recorded event; positions still open at the end are marked at the last mid (no settlement).',
  );
  if (loaded.skippedRows > 0) {
    notes.push(
      `${loaded.skippedRows} malformed recorded rows were skipped (first: ${loaded.firstErrors.join('; ')}).`,
    );
  }
  mkdirSync(args.outDir, { recursive: true });
  const jsonPath = join(args.outDir, `${report.summary.id}.json`);
  const htmlPath = join(args.outDir, `${report.summary.id}.html`);
  writeFileSync(jsonPath, `${JSON.stringify(report)}\n`);
  writeFileSync(htmlPath, renderReportHtml(report, notes));
  return {
    report,
    jsonPath,
    htmlPath,
    notes,
    lines: summaryLines(report, result.dataEvents, result.clockTicks, notes, jsonPath, htmlPath),
  };
}

function summaryLines(
  report: BacktestReport,
  dataEvents: number,
  clockTicks: number,
  notes: readonly string[],
  jsonPath: string,
  htmlPath: string,
): string[] {
  const s = report.summary;
  const counts = (r: Readonly<Record<string, number>>) =>
    Object.keys(r).length === 0
      ? 'none'
      : Object.entries(r)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
  const net = report.equity.at(-1)?.positionE2 ?? 0;
  return [
    `backtest ${s.id}`,
    `  ${s.strategyId} on ${s.dataSet} (seed ${s.seed}), ${isoTime(s.fromMs)} → ${isoTime(s.toMs)}`,
    `  events ${s.events} (${dataEvents} recorded, ${clockTicks} clock ticks), markets ${s.markets}`,
    `  trades ${s.trades}, round trips ${s.roundTrips} (${s.winningRoundTrips} winning, hit rate ${percentBps(s.hitRateBps)})`,
    `  P&L after fees ${dollars(s.pnlAfterFeesE6)} on ${dollars(s.startingCashE6)}, fees ${dollars(s.feesE6)}`,
    `  max drawdown ${dollars(s.maxDrawdownE6)}, max exposure ${dollars(s.maxExposureE6)}, net position at the end ${contracts(net)}`,
    `  not traded: ${counts(s.notTraded)}`,
    `  risk denied: ${counts(s.riskDenied)}`,
    ...notes.map((n) => `  note: ${n}`),
    `report ${jsonPath}`,
    `chart  ${htmlPath}`,
  ];
}
