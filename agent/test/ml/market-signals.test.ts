import { join } from 'node:path';
import { MODELS_DIR } from '@pt/models/manifest';
import {
  SIGNAL_FEATURES,
  SIGNAL_MODEL_NAME,
  SIGNAL_MODEL_VERSION,
  featuresAt,
  type Quote,
} from '@pt/models/signal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketSignals, SignalModel } from '../../src/ml/index.js';
import { loadTickerStream } from '../../../models/src/signal/data.js';

const DATA = join(MODELS_DIR, '..', '..', 'shared', 'data', 'kalshi-sports');
let model: SignalModel;
beforeAll(async () => {
  model = await SignalModel.load();
});
afterAll(async () => {
  await model.model.close();
});

describe('MarketSignals (the host feeding books to the signal model)', () => {
  it('books in PriceE4 from the real NBA stream give the training features of that market, per market', async () => {
    const signals = new MarketSignals(model);
    const tickers = ['KXNBAGAME-25NOV22LACCHA-CHA', 'KXNBAGAME-25NOV22LACCHA-LAC'];
    const series = tickers.map((t) => loadTickerStream(join(DATA, `${t}.jsonl`)).series[0]?.points ?? []);
    const [cha, lac] = series as [Quote[], Quote[]];
    // Interleave both markets by time, as the live stream would.
    const events = [
      ...cha.map((q) => [tickers[0], q] as const),
      ...lac.map((q) => [tickers[1], q] as const),
    ].sort((a, b) => a[1].tMs - b[1].tMs);
    const seen = new Map<string, number>();
    for (const [ticker, q] of events.slice(0, 900)) {
      const spread = q.spreadE4 ?? 0;
      signals.onBook(ticker as string, q.tMs, q.midE4 - spread / 2, q.midE4 + spread / 2);
      seen.set(ticker as string, (seen.get(ticker as string) ?? 0) + 1);
    }
    for (const [i, ticker] of tickers.entries()) {
      const points = series[i] as Quote[];
      const n = seen.get(ticker) ?? 0;
      const out = await signals.predict(ticker);
      if (out.kind !== 'predicted') throw new Error(out.kind);
      const direct = await model.predict({ names: SIGNAL_FEATURES, values: featuresAt(points, n - 1) });
      expect(out).toEqual({ ...direct, id: `${SIGNAL_MODEL_NAME}@${SIGNAL_MODEL_VERSION}` });
    }
  });

  it('no quotable book yet → no-data with a reason; an unquotable book is ignored', async () => {
    const signals = new MarketSignals(model);
    signals.onBook('KX-A', 1, 0, 4600);
    const none = await signals.predict('KX-A');
    expect(none.kind).toBe('no-data');
    expect(none.kind === 'no-data' ? none.reason : '').toMatch(/KX-A/);
    signals.onBook('KX-A', 2, 4500, 4600);
    expect((await signals.predict('KX-A')).kind).toBe('predicted');
    signals.drop('KX-A');
    expect((await signals.predict('KX-A')).kind).toBe('no-data');
  });
});
