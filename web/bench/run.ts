/**
 * `npm run bench -w @pt/web`: the command center under load. The real simulator replays the
 * recorded data at SPEED× into the real agent; a plain `ws` client subscribed to every open market
 * counts the book frames the agent actually streams; three Chromium tabs (one shared connection)
 * follow the busiest markets while the page probe measures frames/s, update-to-paint latency and
 * long tasks. Then the initial JS size of web/dist and Lighthouse. Figures only, no assertions.
 * The load is the sim's `--churn` load generation (PT_WEB_BENCH_CHURN changes/s, default 10,000;
 * 0 = replay at PT_WEB_BENCH_SPEED×, see stack.ts); PT_WEB_BENCH_SECONDS the measuring window;
 * PT_WEB_BENCH_SKIP_LIGHTHOUSE=1 skips Lighthouse.
 */
import { initialJsSize } from './bundle-size.js';
import { info, oneDecimal, percentile, webFigure } from './figures.js';
import { runLighthouse } from './lighthouse-run.js';
import { ensureWebDist, openTickers, pairLink, pairToken, startStack, WEB_DIST } from './stack.js';
import { openStreamCounter } from './stream-counter.js';
import { openTabs } from './tabs.js';

const SPEED = Number(process.env['PT_WEB_BENCH_SPEED'] ?? '2000');
const WINDOW_S = Number(process.env['PT_WEB_BENCH_SECONDS'] ?? '15');
const TARGET_UPDATES_PER_S = 10_000;
const out = (text: string): boolean => process.stdout.write(`${text}\n`);
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

if (ensureWebDist()) out(info('build', 'web/dist was missing; built it'));
const stack = await startStack(SPEED);
try {
  const tickers = await openTickers(stack);
  const counter = await openStreamCounter(
    stack.wsUrl,
    stack.origin,
    await pairToken(stack, 'bench counter'),
    tickers,
  );
  // The busiest markets over a few seconds once the replay runs (the first burst is misleading).
  await sleep(2_000);
  const warm = new Map(counter.counts);
  await sleep(4_000);
  const busiest = [...counter.counts]
    .map(([ticker, n]) => [ticker, n - (warm.get(ticker) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([ticker]) => ticker)
    .slice(0, 6);
  const tabs = await openTabs(stack.origin, (await pairLink(stack)).url, busiest);
  try {
    await sleep(2_000);
    await tabs.reset();
    const [allBefore, tabsBefore, startMs] = [counter.total(), counter.total(busiest), Date.now()];
    await sleep(WINDOW_S * 1000);
    const figures = await tabs.read();
    const seconds = (Date.now() - startMs) / 1000;
    const rate = (counter.total() - allBefore) / seconds;
    const tabRate = (counter.total(busiest) - tabsBefore) / seconds;
    webFigure({
      name: 'agent stream book updates/s (the load the tabs see)',
      value: Math.round(rate),
      unit: 'updates/s',
      // The load asked for is ≈ 10,000/s: met within 10 %.
      target: { op: '>=', value: TARGET_UPDATES_PER_S * 0.9 },
      note: `across ${tickers.length} markets (${stack.load}; the sim made ${stack.simChurn()?.updatesPerS ?? 'n/a'}/s; ${tabRate.toFixed(0)}/s on the ${busiest.length} markets the tabs show)`,
    });
    if (rate < TARGET_UPDATES_PER_S * 0.9)
      out(info('load', `10k updates/s was NOT reached; the figures below are at ${rate.toFixed(0)}/s`));
    const fps = figures.map((f) => (f.frames * 1000) / f.windowMs);
    webFigure({
      name: 'frames/s (worst of 3 tabs)',
      value: oneDecimal(Math.min(...fps)),
      unit: 'frames/s',
      target: { op: '>=', value: 55 },
      note: `tabs: ${fps.map((f) => f.toFixed(1)).join(', ')}`,
    });
    const workerToPaint = figures.flatMap((f) => f.workerToPaintMs);
    const agentToPaint = figures.flatMap((f) => f.agentToPaintMs);
    const arrivalToPaint = figures.flatMap((f) => f.arrivalToPaintMs);
    const ms = (values: readonly number[], p: number): string => `${percentile(values, p).toFixed(1)} ms`;
    const isPaintMeasured = tabs.isWorkerProbed && workerToPaint.length > 0;
    webFigure({
      name: 'update-to-paint p99 (worker receives book → painted frame)',
      value: isPaintMeasured ? oneDecimal(percentile(workerToPaint, 99)) : Number.NaN,
      unit: 'ms',
      target: { op: '<=', value: 50 },
      note: isPaintMeasured
        ? `p50 ${ms(workerToPaint, 50)}, ${workerToPaint.length} books in 3 tabs`
        : tabs.isWorkerProbed
          ? 'not measured: no book reached a tab'
          : 'not measured: the shared worker probe did not install',
    });
    webFigure({
      name: 'agent send → painted frame p99',
      value: oneDecimal(percentile(agentToPaint, 99)),
      unit: 'ms',
      note: `p50 ${ms(agentToPaint, 50)}`,
    });
    webFigure({
      name: 'main-thread arrival → painted frame p99',
      value: oneDecimal(percentile(arrivalToPaint, 99)),
      unit: 'ms',
    });
    const longTasks = figures.reduce((n, f) => n + f.longTasks, 0);
    const longest = Math.max(...figures.map((f) => f.longestTaskMs));
    webFigure({
      name: 'long tasks > 50 ms (3 tabs)',
      value: longTasks,
      unit: 'tasks',
      target: { op: '<=', value: 0 },
      note: `in ${WINDOW_S} s${longTasks > 0 ? `, longest ${longest.toFixed(0)} ms` : ''}`,
    });
    if (tabs.problems.length > 0) out(info('console errors', tabs.problems.slice(0, 3).join(' | ')));
  } finally {
    await tabs.close();
    counter.close();
  }
  const size = initialJsSize(WEB_DIST);
  webFigure({
    name: 'initial JS gzip',
    value: oneDecimal(size.gzipBytes / 1024),
    unit: 'KB',
    target: { op: '<=', value: 200 },
    note: size.files.join(', '),
  });
  if (process.env['PT_WEB_BENCH_SKIP_LIGHTHOUSE'] === '1')
    out(info('lighthouse', 'skipped (PT_WEB_BENCH_SKIP_LIGHTHOUSE=1)'));
  else {
    // Lighthouse scores a page load: the load generator is paused for it (on 2 cores it would only
    // measure the sim's CPU); the agent and the sim keep running.
    stack.toggleLoad();
    out(info('lighthouse', `load generator paused for Lighthouse (${stack.load})`));
    for (const scores of await runLighthouse(stack.origin, (await pairLink(stack)).url)) {
      for (const category of ['performance', 'accessibility'] as const)
        webFigure({
          name: `lighthouse ${category}, ${scores.page}`,
          value: scores[category] ?? Number.NaN,
          unit: 'score',
          target: { op: '>=', value: 95 },
        });
    }
  }
} finally {
  await stack.stop();
}
