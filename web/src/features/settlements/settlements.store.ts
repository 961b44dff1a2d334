/**
 * Settled markets as applied to our positions (`GET /v1/portfolio/settlements`), newest first,
 * paged; re-read on every position event (a settlement closes a position).
 */
import type { SettlementRecord } from '@pt/protocol';
import { agentRest } from '../../app/services.js';
import { PAGE_SIZE, createPagedList } from '../fills/paged-list.store.js';

export const useSettlementsStore = createPagedList<SettlementRecord>(
  async (cursor) => {
    const page = await agentRest().settlements({
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    return { items: page.settlements, nextCursor: page.nextCursor };
  },
  (s) => `${s.ticker}@${s.settledAtMs}`,
);
