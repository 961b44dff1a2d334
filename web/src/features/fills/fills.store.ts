/**
 * Our fills on every market (`GET /v1/portfolio/fills`), newest first, paged; `fill.created` stream
 * events go on top at once, and the first page is re-read when the stream resyncs.
 */
import type { Fill } from '@pt/protocol';
import { agentRest } from '../../app/services.js';
import { PAGE_SIZE, createPagedList } from './paged-list.store.js';

export const useFillsStore = createPagedList<Fill>(
  async (cursor) => {
    const page = await agentRest().fillsPage({
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    return { items: page.fills, nextCursor: page.nextCursor };
  },
  (fill) => fill.fillId,
);
