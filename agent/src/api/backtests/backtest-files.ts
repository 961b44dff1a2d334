/**
 * The backtest reports on disk: `<data-dir>/backtests/<id>.json`, one `BacktestReport` each, as
 * `npm run backtest` writes them. Read on every request (a run finishing while the agent runs shows
 * up at once). A file that does not parse — bad JSON, off-schema, a name that is not a BacktestId
 * or that differs from its `summary.id`, too large — is skipped and logged, never fatal.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BacktestId, BacktestReport, validationErrorBody } from '@pt/protocol';
import type { BacktestSummary } from '@pt/protocol';
import type { Logger } from 'pino';

/** A report holds ≤ ~2,000 equity points plus its trades; anything far larger is not ours. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { readonly kind: 'found'; readonly report: BacktestReport }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export class BacktestFiles {
  /** The reports of the agent's data dir: `<data-dir>/backtests/`. */
  static inDataDir(dataDir: string, logger: Logger): BacktestFiles {
    return new BacktestFiles(join(dataDir, 'backtests'), logger.child({ component: 'backtests' }));
  }

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Every readable report's summary, newest first (by `createdAtMs`, then id). */
  async list(): Promise<BacktestSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isCode(err, 'ENOENT')) return [];
      throw err;
    }
    const summaries: BacktestSummary[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const id = name.slice(0, -'.json'.length);
      if (!BacktestId.safeParse(id).success) {
        this.logger.warn(
          { file: join(this.dir, name) },
          'backtest file skipped: its name is not a backtest id',
        );
        continue;
      }
      const result = await this.read(id);
      if (result.kind === 'found') summaries.push(result.report.summary);
    }
    return summaries.sort(
      (a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** One report by id (already a valid BacktestId: no path can escape the folder). */
  async read(id: BacktestId): Promise<ReadResult> {
    const file = join(this.dir, `${id}.json`);
    const result = await this.readFile(file, id);
    if (result.kind === 'unreadable')
      this.logger.warn({ file, reason: result.reason }, 'backtest file skipped');
    return result;
  }

  private async readFile(file: string, id: string): Promise<ReadResult> {
    let text: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
      if (info.size > MAX_REPORT_BYTES)
        return { kind: 'unreadable', reason: `${info.size} bytes, over ${MAX_REPORT_BYTES}` };
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (isCode(err, 'ENOENT')) return { kind: 'absent' };
      return { kind: 'unreadable', reason: err instanceof Error ? err.message : String(err) };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return { kind: 'unreadable', reason: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    const parsed = BacktestReport.safeParse(json);
    if (!parsed.success) return { kind: 'unreadable', reason: validationErrorBody(parsed.error).message };
    if (parsed.data.summary.id !== id)
      return {
        kind: 'unreadable',
        reason: `summary.id ${parsed.data.summary.id} differs from the file name`,
      };
    return { kind: 'found', report: parsed.data };
  }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
