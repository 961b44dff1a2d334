/**
 * @module
 * `npm run backtest -- --strategy <id> --data <set> [--config <json>] [--seed N] [--out <dir>]`:
 * replays recorded data through the live strategy and risk code with the simulator's matching
 * engine and writes a BacktestReport (`<id>.json`) and a self-contained chart (`<id>.html`).
 * Progress goes to stderr; the summary and the two paths to stdout. Bad flags exit 2.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../config/default-data-dir.js';
import { BacktestUsageError, USAGE, parseBacktestArgs } from './args.js';
import { runBacktestCommand } from './command.js';

/** The repository's recorded data: `<repo>/../shared/data`. */
const RECORDED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

async function main(): Promise<number> {
  // Like agent/src/cli.ts, this entry is where the environment is read (the agent's data dir).
  // eslint-disable-next-line no-restricted-properties
  const env = process.env;
  try {
    const args = parseBacktestArgs(process.argv.slice(2), {
      cwd: process.cwd(),
      outDir: () => join(env.PT_DATA_DIR || defaultDataDir(process.platform, env), 'backtests'),
      dataDir: RECORDED_DATA_DIR,
    });
    const output = await runBacktestCommand(args, { nowMs: Date.now, stderr: process.stderr });
    process.stdout.write(`${output.lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof BacktestUsageError) {
      process.stderr.write(`backtest: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(
      `backtest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
