import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import type { LedgerEventInput } from './ledger-event.js';
import { openStore } from './store.js';

const SEED = 20_261_125;

const arbitraryEvent = fc.record({
  source: fc.constantFrom('kalshi.ws', 'kalshi.rest', 'agent.orders'),
  sourceEventId: fc.integer({ min: 0, max: 30 }).map((n) => `e${n}`),
  kind: fc.constantFrom('market.trade', 'order.intent'),
  payload: fc.jsonValue({ maxDepth: 2 }),
});

describe('ledger append (properties)', () => {
  it('stores each (source, sourceEventId) once, first write wins, however events are chunked and replayed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 10 }),
        async (events: LedgerEventInput[], chunkSizes) => {
          const temp = makeTempDir();
          const store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
          try {
            const firstByKey = new Map<string, LedgerEventInput>();
            for (const e of events) {
              const key = `${e.source}\u0000${e.sourceEventId}`;
              if (!firstByKey.has(key)) firstByKey.set(key, e);
            }
            // Append in chunks (concurrently, like independent callers), then replay everything.
            const chunks: LedgerEventInput[][] = [];
            for (let i = 0, c = 0; i < events.length; c += 1) {
              const size = chunkSizes[c % chunkSizes.length] ?? 1;
              chunks.push(events.slice(i, i + size));
              i += size;
            }
            const outcomes = (await Promise.all(chunks.map((chunk) => store.ledger.append(chunk)))).flat();
            expect(outcomes.filter((o) => o.isNew)).toHaveLength(firstByKey.size);
            const replayed = await store.ledger.append(events);
            expect(replayed.every((o) => !o.isNew)).toBe(true);

            const stored = store.ledger.read({ limit: 1_000 });
            expect(stored).toHaveLength(firstByKey.size);
            for (const row of stored) {
              const first = firstByKey.get(`${row.source}\u0000${row.sourceEventId}`);
              expect(first).toBeDefined();
              expect(JSON.stringify(row.payload)).toBe(JSON.stringify(first?.payload));
              expect(row.kind).toBe(first?.kind);
            }
          } finally {
            await store.close();
            temp.remove();
          }
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });
});
