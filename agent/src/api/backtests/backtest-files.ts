/**
 * The backtest reports on disk: `<data-dir>/backtests/<id>.json`, one `BacktestReport` each, as
 * `npm run backtest` writes them. Read on every request (a run finishing while the agent runs shows
 * up at once; unchanged files come from a cache keyed by size and mtime). A file that does not
 * parse — bad JSON, off-schema, a name that is not a BacktestId or that differs from its
 * `summary.id`, too large — is skipped and logged (once per version of the file), never fatal.
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

  /** Summaries by file name, keyed by size and mtime: a list re-reads only new or changed files. */
  private readonly cache = new Map<string, { stamp: string; summary: BacktestSummary | null }>();

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Every readable report's summary, newest first (by `createdAtMs`, then id). */
  async list(): Promise<BacktestSummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch (err) {
      if (isCode(err, 'ENOENT')) return [];
      throw err;
    }
    for (const name of this.cache.keys()) if (!names.includes(name)) this.cache.delete(name);
    const summaries: BacktestSummary[] = [];
    for (const name of names) {
      const summary = await this.summaryOf(name);
      if (summary !== null) summaries.push(summary);
    }
    return summaries.sort(
      (a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** A file's summary, from the cache while its size and mtime hold (a bad file is logged once). */
  private async summaryOf(name: string): Promise<BacktestSummary | null> {
    const file = join(this.dir, name);
    const info = await stat(file).catch(() => null);
    if (info === null) return null;
    const stamp = `${info.size}:${info.mtimeMs}`;
    const cached = this.cache.get(name);
    if (cached?.stamp === stamp) return cached.summary;
    const id = name.slice(0, -'.json'.length);
    let summary: BacktestSummary | null = null;
    if (!BacktestId.safeParse(id).success) {
      this.logger.warn({ file }, 'backtest file skipped: its name is not a backtest id');
    } else {
      const result = await this.read(id);
      if (result.kind === 'found') summary = result.report.summary;
    }
    this.cache.set(name, { stamp, summary });
    return summary;
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
