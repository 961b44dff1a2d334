import { describe, expect, it } from 'vitest';
import { BacktestUsageError, parseBacktestArgs } from './args.js';

const defaults = {
  cwd: '/w',
  outDir: () => '/home/u/.local/share/predictiontrader/backtests',
  dataDir: '/shared/data',
};

function usageError(argv: string[]): BacktestUsageError {
  try {
    parseBacktestArgs(argv, defaults);
  } catch (err) {
    if (err instanceof BacktestUsageError) return err;
    throw err;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('backtest flags', () => {
  it('fills the defaults and resolves paths against cwd', () => {
    expect(parseBacktestArgs(['--strategy', 'hype-fade', '--data', 'kalshi-trades'], defaults)).toEqual({
      strategyId: 'hype-fade',
      dataSet: 'kalshi-trades',
      configFile: null,
      seed: 1,
      outDir: '/home/u/.local/share/predictiontrader/backtests',
      dataDir: '/shared/data',
      startingCashE6: 1_000_000_000,
      clockIntervalMs: 1_000,
      isModelUsed: false,
    });
    expect(
      parseBacktestArgs(
        [
          '--strategy=volatility-rider',
          '--data=all',
          '--config',
          'c.json',
          '--seed',
          '9',
          '--out',
          'o',
          '--data-dir',
          'd',
          '--cash',
          '250.5',
        ],
        defaults,
      ),
    ).toMatchObject({
      configFile: '/w/c.json',
      seed: 9,
      outDir: '/w/o',
      dataDir: '/w/d',
      startingCashE6: 250_500_000,
    });
  });

  it.each([
    [['--data', 'all'], '--strategy', /required/],
    [['--strategy', 'nope', '--data', 'all'], '--strategy', /unknown strategy "nope"/],
    [['--strategy', 'hype-fade'], '--data', /required/],
    [['--strategy', 'hype-fade', '--data', 'nasdaq'], '--data', /unknown data set/],
    [['--strategy', 'hype-fade', '--data', 'all', '--seed', '1.5'], '--seed', /integer/],
    [['--strategy', 'hype-fade', '--data', 'all', '--seed=-1'], '--seed', /between/],
    [['--strategy', 'hype-fade', '--data', 'all', '--cash', 'lots'], '--cash', /dollars/],
    [['--strategy', 'hype-fade', '--data', 'all', '--cash', '0'], '--cash', /more than/],
    [['--strategy', 'hype-fade', '--data', 'all', '--clock-ms', '0'], '--clock-ms', /between/],
    [['--strategy', 'hype-fade', '--data', 'all', '--out', ''], '--out', /empty/],
    [['--strategy', 'hype-fade', '--data', 'all', '--speed', '2'], '--speed', /Unknown option/],
  ])('%j → error naming %s', (argv, flag, message) => {
    const err = usageError(argv);
    expect(err.flag).toBe(flag);
    expect(err.message).toMatch(message);
  });
});
