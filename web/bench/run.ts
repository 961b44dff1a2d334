/**
 * `npm run bench -w @pt/web`: the command center under load. The real simulator replays the
 * recorded data at SPEED× into the real agent; a plain `ws` client subscribed to every open market
 * counts the book frames the agent actually streams; three Chromium tabs (one shared connection)
 * follow the busiest markets while the page probe measures frames/s, update-to-paint latency and
 * long tasks. Then the initial JS size of web/dist and Lighthouse. Figures only, no assertions.
 * PT_WEB_BENCH_SPEED overrides the replay speed; PT_WEB_BENCH_SECONDS the measuring window;
 * PT_WEB_BENCH_SKIP_LIGHTHOUSE=1 skips Lighthouse.
 */
import { initialJsSize } from './bundle-size.js';
import { info, line, percentile } from './figures.js';
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
    out(
      line(
        'agent stream book updates/s',
        `${rate.toFixed(0)} across ${tickers.length} markets (sim --speed ${SPEED}; ${tabRate.toFixed(0)}/s on the ${busiest.length} markets the tabs show)`,
        `≈ ${TARGET_UPDATES_PER_S}/s`,
        rate >= TARGET_UPDATES_PER_S * 0.9,
      ),
    );
    if (rate < TARGET_UPDATES_PER_S * 0.9)
      out(info('load', `10k updates/s was NOT reached; the figures below are at ${rate.toFixed(0)}/s`));
    const fps = figures.map((f) => (f.frames * 1000) / f.windowMs);
    out(
      line(
        'frames/s (worst of 3 tabs)',
        `${Math.min(...fps).toFixed(1)} [${fps.map((f) => f.toFixed(1)).join(', ')}]`,
        '≥ 55',
        Math.min(...fps) >= 55,
      ),
    );
    const workerToPaint = figures.flatMap((f) => f.workerToPaintMs);
    const agentToPaint = figures.flatMap((f) => f.agentToPaintMs);
    const arrivalToPaint = figures.flatMap((f) => f.arrivalToPaintMs);
    const ms = (values: readonly number[], p: number): string => `${percentile(values, p).toFixed(1)} ms`;
    if (tabs.isWorkerProbed && workerToPaint.length > 0) {
      const p99 = percentile(workerToPaint, 99);
      out(
        line(
          'update-to-paint p99 (worker receives book → painted frame)',
          `${ms(workerToPaint, 99)} (p50 ${ms(workerToPaint, 50)}, ${workerToPaint.length} books in 3 tabs)`,
          '≤ 50 ms',
          p99 <= 50,
        ),
      );
    } else
      out(
        info(
          'update-to-paint (worker receipt)',
          tabs.isWorkerProbed
            ? 'no book reached a tab'
            : 'not measured: the shared worker probe did not install',
        ),
      );
    out(info('agent send → painted frame', `p99 ${ms(agentToPaint, 99)}, p50 ${ms(agentToPaint, 50)}`));
    out(info('main-thread arrival → painted frame', `p99 ${ms(arrivalToPaint, 99)}`));
    const longTasks = figures.reduce((n, f) => n + f.longTasks, 0);
    const longest = Math.max(...figures.map((f) => f.longestTaskMs));
    out(
      line(
        'long tasks > 50 ms (3 tabs)',
        `${longTasks}${longTasks > 0 ? ` (longest ${longest.toFixed(0)} ms)` : ''} in ${WINDOW_S} s`,
        'none',
        longTasks === 0,
      ),
    );
    if (tabs.problems.length > 0) out(info('console errors', tabs.problems.slice(0, 3).join(' | ')));
  } finally {
    await tabs.close();
    counter.close();
  }
  const size = initialJsSize(WEB_DIST);
  out(
    line(
      'initial JS gzip',
      `${(size.gzipBytes / 1024).toFixed(1)} KB (${size.files.join(', ')})`,
      '≤ 200 KB',
      size.gzipBytes <= 200 * 1024,
    ),
  );
  if (process.env['PT_WEB_BENCH_SKIP_LIGHTHOUSE'] === '1')
    out(info('lighthouse', 'skipped (PT_WEB_BENCH_SKIP_LIGHTHOUSE=1)'));
  else
    for (const scores of await runLighthouse(stack.origin, (await pairLink(stack)).url)) {
      const perf = scores.performance ?? -1;
      const a11y = scores.accessibility ?? -1;
      out(
        line(
          `lighthouse performance, ${scores.page}`,
          String(scores.performance ?? 'n/a'),
          '≥ 95',
          perf >= 95,
        ),
      );
      out(
        line(
          `lighthouse accessibility, ${scores.page}`,
          String(scores.accessibility ?? 'n/a'),
          '≥ 95',
          a11y >= 95,
        ),
      );
    }
} finally {
  await stack.stop();
}
