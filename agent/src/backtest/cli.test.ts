/**
 * The CLI as a user runs it (a child process through tsx) on a slice of real recorded data: the
 * first 3,000 rows of the recession tape (kalshi-trades), copied into a temp data dir.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BacktestReport } from '@pt/protocol';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TAPE = fileURLToPath(
  new URL('../../../../shared/data/kalshi-trades/trade_level_data_recession_annual.csv', import.meta.url),
);

function sliceDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-backtest-cli-'));
  mkdirSync(join(dir, 'kalshi-trades'));
  const lines = readFileSync(TAPE, 'utf8').split('\n').slice(0, 3_001);
  writeFileSync(join(dir, 'kalshi-trades', 'trade_level_data_recession_annual.csv'), `${lines.join('\n')}\n`);
  return dir;
}

function backtest(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'agent/src/backtest/cli.ts', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('npm run backtest', () => {
  const dir = sliceDataDir();

  it('writes a report that parses as BacktestReport and its HTML chart, and prints both paths', () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ zThreshold: 1.5, sampleIntervalMs: 0 }));
    const out = join(dir, 'out');
    const run = backtest([
      '--strategy',
      'volatility-rider',
      '--data',
      'kalshi-trades',
      '--data-dir',
      dir,
      '--config',
      config,
      '--out',
      out,
      '--seed',
      '4',
    ]);
    expect(run.stderr).toContain('backtest volatility-rider kalshi-trades: 100%');
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const [html, json] = files.map((f) => join(out, f));
    expect(run.stdout).toContain(`report ${json}`);
    expect(run.stdout).toContain(`chart  ${html}`);
    const report = BacktestReport.parse(JSON.parse(readFileSync(json ?? '', 'utf8')));
    expect(report.summary).toMatchObject({
      strategyId: 'volatility-rider',
      dataSet: 'kalshi-trades',
      seed: 4,
    });
    expect(report.summary.events).toBeGreaterThanOrEqual(6_000); // a print and its re-quote per row
    expect(report.trades.length).toBeGreaterThan(0);
    expect(report.config).toMatchObject({ zThreshold: 1.5, sampleIntervalMs: 0, windowSize: 20 });
    expect(readFileSync(html ?? '', 'utf8')).toContain('<polyline');
  });

  it('defaults the out dir to <agent data dir>/backtests and says Hype-Fade had no sentiment', () => {
    const agentDir = join(dir, 'agent-data');
    const run = backtest(['--strategy', 'hype-fade', '--data', 'kalshi-trades', '--data-dir', dir], {
      PT_DATA_DIR: agentDir,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no sentiment feed');
    expect(readdirSync(join(agentDir, 'backtests'))).toHaveLength(2);
  });

  it.each([
    [['--strategy', 'volatility-rider'], '--data: is required'],
    [['--strategy', 'volatility-rider', '--data', 'all', '--seed', 'x'], '--seed: expected an integer'],
    [['--strategy', 'volatility-rider', '--data', 'all', '--bogus'], "--bogus: Unknown option '--bogus'"],
  ])('%j exits 2 naming the flag', (args, message) => {
    const run = backtest(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`backtest: ${message}`);
    expect(run.stderr).toContain('usage: npm run backtest');
  });

  it('refuses a config market that is not in the data set, exit 2', () => {
    const config = join(dir, 'markets.json');
    writeFileSync(config, JSON.stringify({ tickers: ['KXNOPE-99'] }));
    const run = backtest([
      '--strategy',
      'volatility-rider',
      '--data',
      'kalshi-trades',
      '--data-dir',
      dir,
      '--config',
      config,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'backtest: --config: config: market(s) KXNOPE-99 are not in data set kalshi-trades',
    );
  });

  it('names the config field that is wrong, exit 2, and writes nothing', () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ windowSize: 1 }));
    const out = join(dir, 'bad-out');
    const run = backtest([
      '--strategy',
      'volatility-rider',
      '--data',
      'kalshi-trades',
      '--data-dir',
      dir,
      '--config',
      config,
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--config: ${config}: windowSize:`);
    expect(existsSync(out)).toBe(false);
  });
});
