import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text) };
}

describe('progress bar', () => {
  it('redraws one line on a TTY, only when the percent changes, and ends it at 100 %', () => {
    const out = sink(true);
    const report = progressBar(out, 'backtest');
    report(0, 200);
    report(1, 200); // still 0 %
    report(100, 200);
    report(200, 200);
    expect(out.chunks).toEqual([
      '\rbacktest [------------------------------]   0% 0/200',
      '\rbacktest [###############---------------]  50% 100/200',
      '\rbacktest [##############################] 100% 200/200',
      '\n',
    ]);
  });

  it('writes a plain line every 10 % when not a TTY', () => {
    const out = sink(false);
    const report = progressBar(out, 'backtest');
    for (let done = 0; done <= 1000; done += 50) report(done, 1000);
    expect(out.chunks).toHaveLength(11);
    expect(out.chunks[0]).toBe('backtest: 0% (0/1000 events)\n');
    expect(out.chunks.at(-1)).toBe('backtest: 100% (1000/1000 events)\n');
  });
});
