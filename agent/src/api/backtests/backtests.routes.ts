/**
 * @module
 * `GET /v1/backtests`: the backtest reports in `<data-dir>/backtests/` as summaries, newest first
 * (BacktestList; unreadable files are skipped and logged). `GET /v1/backtests/:id`: one full
 * BacktestReport; a malformed id is 422 naming `id`, a missing or unreadable report 404.
 * Protected (bearer token).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { BACKTESTS_PATH, BacktestId, validationErrorBody } from '@pt/protocol';
import type { BacktestList } from '@pt/protocol';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';
import type { BacktestFiles } from './backtest-files.js';

const BacktestParams = z.strictObject({ id: BacktestId });

export function backtestsRoutes(files: Pick<BacktestFiles, 'list' | 'read'>): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(BACKTESTS_PATH, async (c) => {
      const body: BacktestList = { backtests: await files.list() };
      c.header('Cache-Control', 'no-store');
      return c.json(body);
    })
    .get(`${BACKTESTS_PATH}/:id`, async (c) => {
      const parsed = BacktestParams.safeParse({ id: c.req.param('id') });
      if (!parsed.success) {
        const body = validationErrorBody(parsed.error);
        throw new AgentError(body.code, body.message, {}, body.details);
      }
      const { id } = parsed.data;
      const result = await files.read(id);
      if (result.kind !== 'found') {
        const why = result.kind === 'absent' ? 'no backtest report' : 'unreadable backtest report';
        throw new AgentError('NOT_FOUND', `id: ${why} ${id}`, {}, { field: 'id' });
      }
      c.header('Cache-Control', 'no-store');
      return c.json(result.report);
    });
}
